'use strict';
// Copies the SVG icons into dist/icons, where the compiled node and credential
// reference them (`file:../../icons/…` from dist/nodes/Callbell, `file:../icons/…`
// from dist/credentials), so the build output is exactly what n8n loads.
const { src, dest } = require('gulp');

function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
