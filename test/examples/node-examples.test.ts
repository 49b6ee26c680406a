import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Browser } from './browser.js';
import { ADMIN_PASSWORD, copyExample, run, start, startExampleServer, transcript, unreachableUrl, type ExampleServer } from './example-server.js';

/** examples/node, copied out of the repository and run as its README says. */
describe('examples/node against a fresh server', () => {
  let server: ExampleServer;
  let dir: string;
  before(async () => {
    server = await startExampleServer();
    dir = copyExample('node');
  });
  after(() => server?.stop());

  const node = (script: string, args: string[] = [], env: Record<string, string> = {}) => run(process.execPath, [script, ...args], { cwd: dir, env });

  test('password-grant.mjs: token, /me, /users, refresh, revoke (options from the environment)', async () => {
    const { id, secret } = server.clients.password;
    const result = await node('password-grant.mjs', [], {
      GATEHOUSE_URL: server.url,
      GATEHOUSE_CLIENT_ID: String(id),
      GATEHOUSE_CLIENT_SECRET: secret,
      GATEHOUSE_USERNAME: 'admin',
      GATEHOUSE_PASSWORD: ADMIN_PASSWORD,
    });
    assert.equal(result.code, 0, transcript(result));
    assert.match(result.stdout, /^Access token: +eyJ\S+… \(\d+ characters\), expires in 3600 s$/m);
    assert.match(result.stdout, /^GET \/api\/1\.0\/me -> admin \(admin@localhost\), \d+ permissions$/m);
    assert.match(result.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
    assert.match(result.stdout, /^Refreshed; new access token: eyJ/m);
    assert.match(result.stdout, /^Revoked; GET \/api\/1\.0\/me now answers 401$/m);
    assert.ok(!result.stdout.includes(secret), 'the example never prints the client secret');
  });

  test('client-credentials.mjs: the client is the subject and lists users with view-users (options as arguments)', async () => {
    const { id, secret } = server.clients.service;
    const result = await node('client-credentials.mjs', ['--server', server.url, '--client-id', String(id), '--client-secret', secret]);
    assert.equal(result.code, 0, transcript(result));
    assert.match(result.stdout, /^Access token: eyJ/m);
    assert.match(result.stdout, new RegExp(`^GET /api/1\\.0/me -> client ${id} "Reporting Service", permissions: view-users$`, 'm'));
    assert.match(result.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
  });

  test('personal-access-token.mjs: creates a personal access token through the API, uses it, revokes it; then reuses a kept one', async () => {
    const { id, secret } = server.clients.password;
    const signIn = ['--server', server.url, '--client-id', String(id), '--client-secret', secret, '--password', ADMIN_PASSWORD];
    const created = await node('personal-access-token.mjs', signIn);
    assert.equal(created.code, 0, transcript(created));
    assert.match(created.stdout, /^Created personal access token \S+ "example script", expires \d{4}-/m);
    assert.match(created.stdout, /^GET \/api\/1\.0\/me -> admin, permissions: view-users$/m);
    assert.match(created.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
    assert.match(created.stdout, /^Revoked; GET \/api\/1\.0\/me with it now answers 401$/m);

    const kept = await node('personal-access-token.mjs', [...signIn, '--keep']);
    assert.equal(kept.code, 0, transcript(kept));
    const token = /^Personal access token \(shown once, store it safely\): (gatehouse_pat_\S+)$/m.exec(kept.stdout)?.[1];
    assert.ok(token, transcript(kept));
    const reused = await node('personal-access-token.mjs', [], { GATEHOUSE_URL: server.url, GATEHOUSE_TOKEN: token });
    assert.equal(reused.code, 0, transcript(reused));
    assert.match(reused.stdout, /^Using the personal access token gatehouse_pat_\S+… \(\d+ characters\)$/m);
    assert.match(reused.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
    assert.ok(!reused.stdout.includes(token), 'a token given to the script is not echoed');
  });

  for (const [kind, consent] of [['native', 'no consent page: a first-party client'], ['thirdParty', 'the user allows on the consent page']] as const) {
    test(`authorization-code-pkce.mjs: the test signs in as the browser, the example gets tokens on its loopback (${consent})`, async () => {
      const example = start(process.execPath, ['authorization-code-pkce.mjs', '--server', server.url, '--client-id', String(server.clients[kind].id)], { cwd: dir });
      const [, url] = await example.waitFor(/^  (http\S+\/oauth\/authorize\?\S+)$/m);
      const authorizeUrl = new URL(url);
      assert.equal(authorizeUrl.searchParams.get('code_challenge_method'), 'S256');
      assert.match(authorizeUrl.searchParams.get('redirect_uri')!, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      const landing = await new Browser().authorize(url, { username: 'admin', password: ADMIN_PASSWORD }, 'allow');
      assert.match(landing.url, /^http:\/\/127\.0\.0\.1:\d+\/callback\?code=/);
      assert.match(landing.body, /You can close this tab/);
      const result = await example.done;
      assert.equal(result.code, 0, transcript(result));
      assert.match(result.stdout, /^Received the authorization code on the loopback redirect$/m);
      assert.match(result.stdout, /^Access token: eyJ\S+… \(\d+ characters\), scope: openid profile email view-users$/m);
      assert.match(result.stdout, /^ID token: sub 1, issuer, audience and nonce checked$/m);
      assert.match(result.stdout, /^GET \/oauth\/userinfo -> admin <admin@localhost>$/m);
      assert.match(result.stdout, /^GET \/api\/1\.0\/me -> admin, permissions: view-users$/m);
      assert.match(result.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
    });
  }

  test('authorization-code-pkce.mjs: a denied consent is one clear line', async () => {
    await server.createUser('refuser', 'refuser-password');
    const example = start(process.execPath, ['authorization-code-pkce.mjs', '--server', server.url, '--client-id', String(server.clients.thirdParty.id)], { cwd: dir });
    const [, url] = await example.waitFor(/^  (http\S+\/oauth\/authorize\?\S+)$/m);
    const landing = await new Browser().authorize(url, { username: 'refuser', password: 'refuser-password' }, 'deny');
    assert.match(landing.url, /[?&]error=access_denied/);
    const result = await example.done;
    assert.equal(result.code, 1, transcript(result));
    assert.match(result.stderr, /^error: authorization failed: access_denied: /);
  });

  test('a wrong secret is one clear line and exit 1', async () => {
    const { id } = server.clients.password;
    const result = await node('password-grant.mjs', ['--server', server.url, '--client-id', String(id), '--client-secret', 'wrong', '--password', ADMIN_PASSWORD]);
    assert.equal(result.code, 1, transcript(result));
    assert.equal(result.stderr, 'error: /oauth/token answered 401: invalid_client: Client authentication failed. (check the client id and secret)\n');
  });

  test('a wrong password names invalid_grant', async () => {
    const { id, secret } = server.clients.password;
    const result = await node('password-grant.mjs', ['--server', server.url, '--client-id', String(id), '--client-secret', secret, '--password', 'not-it']);
    assert.equal(result.code, 1, transcript(result));
    assert.match(result.stderr, /^error: \/oauth\/token answered 400: invalid_grant: The user credentials were incorrect\./);
  });

  test('an unreachable server is one clear line and exit 1', async () => {
    const url = await unreachableUrl();
    const result = await node('client-credentials.mjs', ['--server', url, '--client-id', '4', '--client-secret', 'x']);
    assert.equal(result.code, 1, transcript(result));
    assert.equal(result.stderr, `error: cannot reach the Gatehouse server at ${url} (ECONNREFUSED): is it running?\n`);
  });

  test('a missing option names the option and its variable', async () => {
    const result = await node('client-credentials.mjs', ['--server', server.url]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, 'error: --client-id (or GATEHOUSE_CLIENT_ID) is required\n');
  });
});
