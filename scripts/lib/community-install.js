'use strict';

/**
 * Installs the package into an n8n user folder the way n8n's own community-package install does
 * (n8n 2.41 CommunityPackagesService.downloadPackage): the `npm pack` tarball is extracted into
 * `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-callbell`, its package.json loses
 * devDependencies, peerDependencies and optionalDependencies, and nothing else is installed, so
 * `n8n-workflow` resolves to n8n's own copy exactly as for a user's install.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = 'n8n-nodes-callbell';

function installPackedPackage(userFolder) {
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'callbell-pack-'));
  try {
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [{ filename, version }] = JSON.parse(out);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(tmp, filename), '-C', target, '--strip-components=1']);

    const packageJsonFile = path.join(target, 'package.json');
    const { devDependencies, peerDependencies, optionalDependencies, ...packageJson } = JSON.parse(
      fs.readFileSync(packageJsonFile, 'utf8'),
    );
    fs.writeFileSync(packageJsonFile, JSON.stringify(packageJson, null, 2));

    const nodesPackageFile = path.join(nodesDir, 'package.json');
    const nodesPackage = fs.existsSync(nodesPackageFile)
      ? JSON.parse(fs.readFileSync(nodesPackageFile, 'utf8'))
      : { name: 'installed-nodes', private: true, dependencies: {} };
    nodesPackage.dependencies = { ...nodesPackage.dependencies, [PACKAGE_NAME]: version };
    fs.writeFileSync(nodesPackageFile, JSON.stringify(nodesPackage, null, 2));
    return { target, version };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { installPackedPackage };
