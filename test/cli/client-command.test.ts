import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { cliEnvironment, ensureBuilt, runCli } from './run-cli.js';

describe('gatehouse client … (real binary, SQLite)', () => {
  const context = cliEnvironment();
  const cli = (...args: string[]) => runCli(args, context);
  before(ensureBuilt);

  test('create --json prints {id: 3, secret, …}; the admin password goes to stderr once', async () => {
    const result = await cli('client', 'create', '--name', 'Password Grant', '--grant', 'password', '--json');
    assert.equal(result.code, 0, result.stderr);
    const created = JSON.parse(result.stdout);
    assert.equal(created.id, 3);
    assert.equal(created.name, 'Password Grant');
    assert.deepEqual(created.types, ['password_client']);
    assert.match(created.secret, /^[A-Za-z0-9]{40}$/);
    assert.match(result.stderr, /Created administrator "admin" with password [A-Za-z0-9]{20}/);
    const again = await cli('client', 'list', '--json');
    assert.doesNotMatch(again.stderr, /Created administrator/);
    const rows = JSON.parse(again.stdout);
    assert.deepEqual(rows.map((r: { id: number }) => r.id), [1, 2, 3]);
    assert.ok(!again.stdout.includes(created.secret), 'list never shows a secret');
  });

  test('repeated --grant and --redirect; validation errors are one line and exit 1', async () => {
    const ok = await cli('client', 'create', '--name', 'Web', '--grant', 'authorization_code', '--grant', 'client_credentials', '--redirect', 'https://app.example/cb', '--redirect', 'http://127.0.0.1:9000/cb', '--json');
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout).redirect, ['https://app.example/cb', 'http://127.0.0.1:9000/cb']);
    const missing = await cli('client', 'create', '--name', 'NoRedirect', '--grant', 'authorization_code');
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim().split('\n').length, 1);
    assert.match(missing.stderr, /The Redirect field is required\./);
    const http = await cli('client', 'create', '--name', 'Http', '--grant', 'authorization_code', '--redirect', 'http://evil.example/cb');
    assert.equal(http.code, 1);
    const duplicate = await cli('client', 'create', '--name', 'Web', '--grant', 'password');
    assert.match(duplicate.stderr, /already been taken/);
    const noGrant = await cli('client', 'create', '--name', 'Nothing');
    assert.match(noGrant.stderr, /must have at least 1 item chosen/);
  });

  test('show, rotate-secret and delete', async () => {
    const created = JSON.parse((await cli('client', 'create', '--name', 'Rotating', '--grant', 'client_credentials', '--json')).stdout);
    const shown = JSON.parse((await cli('client', 'show', String(created.id), '--json')).stdout);
    assert.equal(shown.name, 'Rotating');
    assert.equal(shown.secret, undefined);
    const rotated = JSON.parse((await cli('client', 'rotate-secret', String(created.id), '--grace', '30', '--json')).stdout);
    assert.match(rotated.secret, /^[A-Za-z0-9]{40}$/);
    assert.notEqual(rotated.secret, created.secret);
    assert.equal((await cli('client', 'delete', String(created.id))).code, 0);
    const gone = await cli('client', 'show', String(created.id));
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /no client with id/);
  });

  test('unknown commands and options fail with one line', async () => {
    const unknown = await cli('frobnicate');
    assert.equal(unknown.code, 2);
    const option = await cli('client', 'list', '--colour');
    assert.equal(option.code, 1);
    assert.match(option.stderr, /^gatehouse: Unknown option '--colour'/);
  });

  test('a bad configuration stops with one line naming the variable', async () => {
    const result = await runCli(['client', 'list'], { ...context, env: { ...context.env, ACCESS_TOKEN_TTL: 'soon' } });
    assert.equal(result.code, 1);
    assert.equal(result.stderr.trim(), 'gatehouse: ACCESS_TOKEN_TTL: must be a whole number from 60 to 604800, got "soon"');
  });
});
