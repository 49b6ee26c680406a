import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cliEnvironment, ensureBuilt, runCli, startServer } from './run-cli.js';

/** The README's curl walk-through, against the real `gatehouse serve`. */
describe('gatehouse serve: the README walk-through', () => {
  const context = cliEnvironment();
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    await ensureBuilt();
    server = await startServer(context);
  });
  after(() => server?.child.kill('SIGTERM'));

  test('first start prints the generated admin password once and the console URL', () => {
    assert.match(server.output(), /Created administrator "admin" with password [A-Za-z0-9]{20}/);
    assert.match(server.output(), new RegExp(`Console: ${server.url}/admin/`));
  });

  test('create a client with the CLI, password grant, /api/1.0/me, revoke, 401', async () => {
    const password = /with password ([A-Za-z0-9]{20})/.exec(server.output())![1];
    const created = await runCli(['client', 'create', '--name', 'Password Grant', '--grant', 'password', '--json'], context);
    const { id, secret } = JSON.parse(created.stdout);
    assert.equal(id, 3);
    const tokenResponse = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: String(id), client_secret: secret, username: 'admin', password, scope: '*' }),
    });
    assert.equal(tokenResponse.status, 200);
    const tokens = (await tokenResponse.json()) as { access_token: string };
    const me = await fetch(`${server.url}/api/1.0/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { username: string }).username, 'admin');
    const revoke = await fetch(`${server.url}/oauth/revoke`, {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') },
      body: new URLSearchParams({ token: tokens.access_token }),
    });
    assert.equal(revoke.status, 200);
    const after = await fetch(`${server.url}/api/1.0/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(after.status, 401);
  });

  test('tokens revoked by the CLI, another process on the same database, are refused at the next call', async () => {
    const password = /with password ([A-Za-z0-9]{20})/.exec(server.output())![1];
    const created = await runCli(['client', 'create', '--name', 'Revoked Elsewhere', '--grant', 'password', '--json'], context);
    const { id, secret } = JSON.parse(created.stdout);
    const tokenResponse = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: String(id), client_secret: secret, username: 'admin', password, scope: '*' }),
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const me = () => fetch(`${server.url}/api/1.0/me`, { headers: { authorization: `Bearer ${access_token}` } });
    for (let i = 0; i < 3; i++) assert.equal((await me()).status, 200);
    const revoked = await runCli(['token', 'revoke', '--client', String(id), '--json'], context);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(JSON.parse(revoked.stdout).revoked, 1);
    assert.equal((await me()).status, 401);
  });

  test('SIGTERM drains and exits 0; a second start prints no password', async () => {
    const exited = new Promise<number | null>((done) => server.child.on('exit', done));
    server.child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const second = await startServer(context);
    try {
      assert.doesNotMatch(second.output(), /Created administrator/);
    } finally {
      second.child.kill('SIGTERM');
    }
  });
});
