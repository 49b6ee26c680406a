import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../cli/run-cli.js';
import { ADMIN_PASSWORD, run, start, startExampleServer, transcript, type ExampleServer, type Running } from './example-server.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The code blocks of a guide marked `<!-- tested-file: NAME -->`, by file name. */
function testedFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of markdown.matchAll(/<!-- tested-file: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)) files.set(match[1], `${match[2]}\n`);
  return files;
}

async function passwordToken(server: ExampleServer): Promise<{ access_token: string }> {
  const { id, secret } = server.clients.password;
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') },
    body: new URLSearchParams({ grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD, scope: 'view-users' }),
  });
  assert.equal(response.status, 200);
  return (await response.json()) as { access_token: string };
}

/** docs/resource-server.md: its Node.js snippets, written out as files and run against a real server. */
describe('docs/resource-server.md snippets', () => {
  let server: ExampleServer;
  let dir: string;
  let api: Running;
  let apiUrl: string;
  let env: Record<string, string>;
  before(async () => {
    server = await startExampleServer();
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-doc-'));
    const files = testedFiles(readFileSync(join(ROOT, 'docs/resource-server.md'), 'utf8'));
    assert.deepEqual([...files.keys()].sort(), ['introspect.mjs', 'server.mjs', 'verify-token.mjs']);
    for (const [name, source] of files) writeFileSync(join(dir, name), source);
    // `npm install jose`, as the guide says: the repository's own copy stands in for it.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const port = await freePort();
    apiUrl = `http://127.0.0.1:${port}/reports`;
    env = { GATEHOUSE_ISSUER: server.url, PORT: String(port) };
    api = start(process.execPath, ['server.mjs'], { cwd: dir, env, timeout: 120_000 });
    for (let i = 0; ; i++) {
      const ready = await fetch(apiUrl).then(() => true, () => false);
      if (ready) break;
      if (i > 100) throw new Error('server.mjs did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  after(async () => {
    api?.kill();
    server?.stop();
  });

  test('server.mjs accepts a Gatehouse access token, verified locally with the JWKS', async () => {
    const { access_token } = await passwordToken(server);
    const response = await fetch(apiUrl, { headers: { authorization: `Bearer ${access_token}` } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { hello: '1', client: String(server.clients.password.id), scopes: ['view-users'] });
  });

  test('server.mjs refuses no token, a forged token and a personal access token with RFC 6750 challenges', async () => {
    const none = await fetch(apiUrl);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="reports"');
    const { access_token } = await passwordToken(server);
    const [header, payload] = access_token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    for (const token of [forged, 'gatehouse_pat_opaque-is-not-a-jwt']) {
      const response = await fetch(apiUrl, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="reports", error="invalid_token"');
    }
  });

  test('introspect.mjs: active for the issuing client, then null once revoked', async () => {
    const { id, secret } = server.clients.password;
    const { access_token } = await passwordToken(server);
    const introspect = (token: string) =>
      run(process.execPath, ['--input-type=module', '-e', "import { introspect } from './introspect.mjs'; console.log(JSON.stringify(await introspect(process.env.TOKEN)));"], {
        cwd: dir,
        env: { ...env, GATEHOUSE_CLIENT_ID: String(id), GATEHOUSE_CLIENT_SECRET: secret, TOKEN: token },
      });
    const active = await introspect(access_token);
    assert.equal(active.code, 0, transcript(active));
    const result = JSON.parse(active.stdout);
    assert.equal(result.active, true);
    assert.equal(result.username, 'admin');
    assert.equal(result.aud, `${server.url}/api/1.0`);
    await fetch(`${server.url}/oauth/revoke`, {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64') },
      body: new URLSearchParams({ token: access_token }),
    });
    const revoked = await introspect(access_token);
    assert.equal(revoked.stdout.trim(), 'null', transcript(revoked));
  });
});
