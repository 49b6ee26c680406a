import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { BenchReport } from '../../bench/run.js';

const ROOT = resolve(import.meta.dirname, '../..');

// The smoke mode of `npm run bench` (issue 8): every scenario must run and produce a rate and
// a ratio, so the harness cannot rot. Timing targets are checked by people, not here.
test('the bench in its --quick mode runs every scenario', { timeout: 180_000 }, async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'gatehouse-bench-test-')), 'quick.json');
  const env = { ...process.env, BENCH_DATABASE_URL: '' };
  // bench/run.ts itself, not `npm run bench`: that recompiles dist/ first, which `npm test` has
  // just built, and rewriting dist/ under the other test files' running binaries breaks them.
  await promisify(execFile)('npx', ['tsx', 'bench/run.ts', '--quick', '--out', out], { cwd: ROOT, env, timeout: 170_000, maxBuffer: 16 * 1024 * 1024 });
  const report: BenchReport = JSON.parse(readFileSync(out, 'utf8'));

  const rows = [report.baseline, ...report.scenarios, ...(report.password ? [report.password.grant] : []), ...(report.largeStore?.scenarios ?? [])];
  const names = new Set(report.scenarios.map((s) => s.name));
  for (const name of ['signing_floor', 'client_credentials', 'refresh_token', 'me', 'introspection', 'clients_list', 'authorization_code']) assert.ok(names.has(name), `missing scenario ${name}`);
  assert.ok(report.password, 'missing the password phase');
  assert.ok(report.largeStore, 'missing the large-store pass');
  for (const row of rows) {
    assert.ok(row.rps > 0, `${row.name}: no requests per second`);
    assert.ok(Number.isFinite(row.ratio) && row.ratio > 0, `${row.name}: no ratio`);
    assert.equal(row.non2xx, 0, `${row.name}: ${row.non2xx} non-2xx responses ${JSON.stringify(row.statusCodes)}`);
    assert.equal(row.errors, 0, `${row.name}: ${row.errors} connection errors`);
  }
  const byName = new Map(report.scenarios.map((s) => [s.name, s]));
  assert.equal(byName.get('signing_floor')!.sliceRatios?.length, byName.get('client_credentials')!.sliceRatios?.length, 'the floor has a slice beside each of client_credentials');
  for (const row of report.largeStore!.scenarios) assert.equal(row.ratioTo, 'small store', `${row.name}: the large store is compared with the small one, in the same minutes`);
  assert.ok(report.password!.ceiling > 0);
  // CI installs wrk (.ci/run), so that the password phase's generator of choice is the one exercised.
  if (process.env.CI) assert.equal(report.password!.grant.generator, 'wrk');
  assert.ok(report.checks.length > 0);
});
