import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, copyExample, run, startExampleServer, transcript, type ExampleServer } from './example-server.js';

const NEWMAN = resolve(import.meta.dirname, '../../node_modules/.bin/newman');

interface NewmanReport {
  run: {
    stats: { requests: { total: number; failed: number }; assertions: { total: number; failed: number } };
    executions: { item: { name: string }; assertions?: { assertion: string; error?: { message: string } }[] }[];
    failures: { source?: { name?: string }; error: { message: string } }[];
  };
}

interface CollectionItem {
  item?: CollectionItem[];
}

function countRequests(node: CollectionItem): number {
  return node.item ? node.item.reduce((sum, child) => sum + countRequests(child), 0) : 1;
}

/** examples/postman: the collection and environment, run with newman as the README says. */
describe('examples/postman with newman against a fresh server', () => {
  let server: ExampleServer;
  let dir: string;
  before(async () => {
    server = await startExampleServer();
    dir = copyExample('postman');
  });
  after(() => server?.stop());

  test('every request passes its tests, and every request has tests', async () => {
    const { password, service, native } = server.clients;
    // The README's commands on a fresh server give the ids the environment file expects.
    assert.deepEqual([password.id, service.id, native.id], [3, 4, 5]);
    const report = join(dir, 'report.json');
    const result = await run(
      NEWMAN,
      [
        'run', 'gatehouse.postman_collection.json',
        '--environment', 'gatehouse.postman_environment.json',
        '--env-var', `base_url=${server.url}`,
        '--env-var', `password=${ADMIN_PASSWORD}`,
        '--env-var', `client_secret=${password.secret}`,
        '--env-var', `service_client_secret=${service.secret}`,
        '--reporters', 'cli,json', '--reporter-json-export', report,
        '--color', 'off', '--disable-unicode',
      ],
      { cwd: dir, timeout: 120_000 },
    );
    assert.equal(result.code, 0, transcript(result));
    const { run: summary } = JSON.parse(readFileSync(report, 'utf8')) as NewmanReport;
    assert.deepEqual(summary.failures.map((f) => `${f.source?.name}: ${f.error.message}`), []);
    assert.equal(summary.stats.requests.failed, 0);
    const untested = summary.executions.filter((e) => (e.assertions ?? []).length === 0).map((e) => e.item.name);
    assert.deepEqual(untested, [], 'each request checks its status and body');
    const collection = JSON.parse(readFileSync(join(dir, 'gatehouse.postman_collection.json'), 'utf8')) as CollectionItem;
    assert.equal(summary.executions.length, countRequests(collection), 'every request in the collection ran');
  });
});
