'use strict';
/** The Callbell Trigger in real n8n (npm run test:trigger): one n8n, tests in order. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/trigger'],
	testMatch: ['**/*.real.test.js'],
	maxWorkers: 1,
	testTimeout: 240000,
	slowTestThreshold: 60,
};
