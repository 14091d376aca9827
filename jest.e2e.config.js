'use strict';
/** End-to-end tests in real n8n (npm run test:e2e). One n8n user folder, tests run in order. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	maxWorkers: 1,
	testTimeout: 240000,
	slowTestThreshold: 60,
};
