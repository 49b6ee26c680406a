import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, startExampleServer, type ExampleServer } from './example-server.js';

const basic = (id: number, secret: string) => 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');
const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString()).kid as string;

/** docs/rotating-secrets-and-keys.md, step by step against a real server and the real CLI. */
describe('docs/rotating-secrets-and-keys.md', () => {
  let server: ExampleServer;
  before(async () => {
    server = await startExampleServer();
  });
  after(() => server?.stop());

  const serviceToken = (secret: string) =>
    fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(server.clients.service.id, secret) },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });

  async function adminToken(): Promise<string> {
    const { id, secret } = server.clients.password;
    const response = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(id, secret) },
      body: new URLSearchParams({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function jwks(): Promise<string[]> {
    const body = (await (await fetch(`${server.url}/oauth/jwks`)).json()) as { keys: { kid: string }[] };
    return body.keys.map((k) => k.kid);
  }

  test('client secrets: CLI rotation with a grace period, then API rotation without one', async () => {
    const { id, secret: original } = server.clients.service;
    const rotated = await server.cli('client', 'rotate-secret', String(id), '--grace', '3600', '--json');
    assert.equal(rotated.code, 0, rotated.stderr);
    const cli = JSON.parse(rotated.stdout) as { id: number; secret: string; grace_seconds: number };
    assert.equal(cli.id, id);
    assert.equal(cli.grace_seconds, 3600);
    assert.match(cli.secret, /^[A-Za-z0-9]{40}$/);
    assert.equal((await serviceToken(original)).status, 200, 'the old secret works during the grace period');
    assert.equal((await serviceToken(cli.secret)).status, 200, 'the new secret works');

    const response = await fetch(`${server.url}/api/1.0/auth_clients/${id}/secret`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ grace_seconds: 0 }),
    });
    assert.equal(response.status, 200);
    const api = (await response.json()) as { id: number; secret: string; grace_seconds: number; previous_secret_expires_at: string | null };
    assert.equal(api.grace_seconds, 0);
    assert.equal(api.previous_secret_expires_at, null);
    assert.equal((await serviceToken(cli.secret)).status, 401, 'without a grace period the old secret stops at once');
    assert.equal((await serviceToken(original)).status, 401, 'only one previous secret is kept');
    assert.equal((await serviceToken(api.secret)).status, 200);
  });

  test('signing keys: an immediate rotation signs at once; a delayed one is published first; old tokens keep working', async () => {
    const before = await adminToken();
    const oldKid = kidOf(before);

    const now = await server.cli('keys', 'rotate', '--activate-in', '0', '--json');
    assert.equal(now.code, 0, now.stderr);
    const active = JSON.parse(now.stdout) as { kid: string };
    await new Promise((r) => setTimeout(r, 10_500)); // the server's key cache (10 s)
    assert.equal(kidOf(await adminToken()), active.kid, 'the new key signs');
    assert.ok((await jwks()).includes(oldKid), 'the replaced key stays published');
    const me = await fetch(`${server.url}/api/1.0/me`, { headers: { authorization: `Bearer ${before}` } });
    assert.equal(me.status, 200, 'a token signed with the replaced key still works');

    const delayed = await server.cli('keys', 'rotate', '--activate-in', '600', '--json');
    assert.equal(delayed.code, 0, delayed.stderr);
    const next = JSON.parse(delayed.stdout) as { kid: string };
    await new Promise((r) => setTimeout(r, 10_500));
    assert.ok((await jwks()).includes(next.kid), 'published at once');
    assert.equal(kidOf(await adminToken()), active.kid, 'but not signing yet');

    const listed = await server.cli('keys', 'list', '--json');
    const states = Object.fromEntries((JSON.parse(listed.stdout) as { kid: string; state: string }[]).map((k) => [k.kid, k.state]));
    assert.equal(states[oldKid], 'retired');
    assert.equal(states[active.kid], 'active');
    assert.equal(states[next.kid], 'next');
  });
});
