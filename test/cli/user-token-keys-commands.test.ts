import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { cliEnvironment, ensureBuilt, runCli } from './run-cli.js';

describe('gatehouse user, token and keys commands (real binary)', () => {
  const context = { ...cliEnvironment() };
  context.env.GATEHOUSE_ADMIN_PASSWORD = 'admin-password-123';
  const cli = (...args: string[]) => runCli(args, context);
  before(ensureBuilt);

  test('user create, list and set-password', async () => {
    const created = await cli('user', 'create', 'jane', '--email', 'Jane@Example.test', '--password', 'jane-password', '--json');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).email, 'jane@example.test');
    assert.doesNotMatch(created.stderr, /Created administrator/, 'GATEHOUSE_ADMIN_PASSWORD set: nothing generated');
    const list = JSON.parse((await cli('user', 'list', '--json')).stdout);
    assert.deepEqual(list.map((u: { username: string }) => u.username), ['admin', 'jane']);
    const short = await cli('user', 'set-password', 'jane', '--password', 'short');
    assert.equal(short.code, 1);
    const changed = await cli('user', 'set-password', 'jane', '--password', 'a-new-password', '--json');
    assert.equal(changed.code, 0);
    assert.equal(JSON.parse(changed.stdout).revoked_tokens, 0);
    const duplicate = await cli('user', 'create', 'jane', '--password', 'whatever-123');
    assert.match(duplicate.stderr, /already exists/);
  });

  test('token revoke needs a filter and reports the count', async () => {
    assert.equal((await cli('token', 'revoke')).code, 1);
    const revoked = await cli('token', 'revoke', '--user', 'jane', '--after', '2020-01-01T00:00:00Z', '--json');
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.deepEqual(JSON.parse(revoked.stdout), { revoked: 0 });
    assert.equal((await cli('token', 'revoke', '--after', 'yesterday-ish')).code, 1);
  });

  test('keys list and rotate', async () => {
    const before = JSON.parse((await cli('keys', 'list', '--json')).stdout);
    assert.deepEqual(before.map((k: { alg: string }) => k.alg).sort(), ['ES256', 'RS256']);
    assert.ok(before.every((k: { state: string }) => k.state === 'active'));
    const rotated = JSON.parse((await cli('keys', 'rotate', '--activate-in', '0', '--json')).stdout);
    const after = JSON.parse((await cli('keys', 'list', '--json')).stdout);
    assert.equal(after.length, 3);
    assert.equal(after.find((k: { kid: string }) => k.kid === rotated.kid).state, 'active');
    assert.equal(after.filter((k: { state: string }) => k.state === 'retired').length, 1);
    assert.equal((await cli('keys', 'rotate', '--alg', 'HS256')).code, 1);
  });

  test('migrate is idempotent', async () => {
    const result = await cli('migrate');
    assert.equal(result.code, 0);
    assert.match(result.stdout, /up to date/);
  });
});
