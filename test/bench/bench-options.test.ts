import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs a bench entry point; each exits on its command line before starting any server. */
function bench(script: string, ...args: string[]) {
  const { status, stdout, stderr } = spawnSync('npx', ['tsx', script, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status, stdout, stderr };
}

test('npm run bench: --help prints its usage, a mistake is a usage error', () => {
  const help = bench('bench/run.ts', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: npm run bench -- \[options\][\s\S]*--only a,b/);
  const wrong = bench('bench/run.ts', '--seconds', 'x');
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--seconds must be a number, at least 1 \(got 'x'\)\nusage: npm run bench /);
  assert.doesNotMatch(wrong.stderr, /\n\s+at /, 'no stack trace');
});

test('npm run bench:peers has its own usage and refuses the options only npm run bench has', () => {
  const help = bench('bench/peers.ts', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: npm run bench:peers -- \[options\]/);
  assert.doesNotMatch(help.stdout, /--only|--profile|--quick/);
  for (const option of ['--only', '--profile', '--quick', '--out']) {
    const wrong = bench('bench/peers.ts', option, 'x');
    assert.equal(wrong.status, 2, option);
    assert.match(wrong.stderr, /usage: npm run bench:peers/, option);
  }
});
