'use strict';

/**
 * Fixed settings of the queue-mode proof (`npm run test:queue`): loopback ports chosen not to
 * collide with the other local tests, and the git-ignored data folder `.queue/`.
 */

const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/**
 * QUEUE_DIR and QUEUE_PORT_OFFSET let a second cluster (the queue bench, a parallel run) live beside
 * this one: its own data folder and every port shifted by the offset.
 */
const QUEUE_DIR = process.env.QUEUE_DIR ? path.resolve(process.env.QUEUE_DIR) : path.join(REPO_ROOT, '.queue');
const OFFSET = Number(process.env.QUEUE_PORT_OFFSET || 0);

const HOST = '127.0.0.1';

const PORTS = Object.fromEntries(
  Object.entries({
    sandbox: 4030,
    main: 5750,
    brokerMain: 5751,
    brokerWorker1: 5752,
    brokerWorker2: 5753,
    healthWorker1: 5760,
    healthWorker2: 5761,
    redis: 6390,
    postgres: 5440,
  }).map(([name, port]) => [name, port + OFFSET]),
);

const DIRS = {
  root: QUEUE_DIR,
  logs: path.join(QUEUE_DIR, 'logs'),
  pg: path.join(QUEUE_DIR, 'pg'),
  pgSocket: path.join(QUEUE_DIR, 'pg-socket'),
  redis: path.join(QUEUE_DIR, 'redis'),
  main: path.join(QUEUE_DIR, 'main'),
  worker1: path.join(QUEUE_DIR, 'worker-1'),
  worker2: path.join(QUEUE_DIR, 'worker-2'),
  // The missing-package variant: a worker whose user folder has no community package.
  bare: path.join(QUEUE_DIR, 'worker-bare'),
};

const DB = { name: 'n8n_queue', user: 'n8n' };

// One key for the main and every worker (and the CLI imports): credentials encrypted by one
// instance must be decrypted by another.
const ENCRYPTION_KEY = 'callbell-queue-proof-encryption-key-not-a-secret';

const SANDBOX_TOKEN = 'sandbox-token';
const CREDENTIAL = { id: 'callbellSandbox1', name: 'Callbell (local sandbox)', type: 'callbellApi' };
const WORKFLOW_FILE = path.join(REPO_ROOT, 'examples', 'queue-webhook-contact-update.json');
const WEBHOOK_PATH = 'callbell-batch';
/** The Callbell Trigger workflow proven in queue mode (scripts/queue/trigger.js). */
const TRIGGER_WORKFLOW_FILE = path.join(REPO_ROOT, 'examples', 'trigger-tag-and-reply.json');

const LOAD = { requests: 12, contactsPerRequest: 5 };

module.exports = {
  REPO_ROOT,
  QUEUE_DIR,
  HOST,
  PORTS,
  DIRS,
  DB,
  ENCRYPTION_KEY,
  SANDBOX_TOKEN,
  CREDENTIAL,
  WORKFLOW_FILE,
  WEBHOOK_PATH,
  TRIGGER_WORKFLOW_FILE,
  LOAD,
};
