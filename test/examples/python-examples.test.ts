import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { Browser } from './browser.js';
import { ADMIN_PASSWORD, copyExample, run, start, startExampleServer, transcript, unreachableUrl, type ExampleServer } from './example-server.js';

/**
 * Debian's interpreter, with python3-requests and python3-requests-oauthlib (installed by
 * .ci/run). The `python3` first on PATH may be another one without them.
 */
const PYTHON = '/usr/bin/python3';

function pythonMissing(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import requests, requests_oauthlib'], { encoding: 'utf8' });
  if (probe.status === 0) return undefined;
  return `${PYTHON} with requests and requests-oauthlib is not available (apt-get install python3-requests python3-requests-oauthlib): ${probe.error?.message ?? probe.stderr.trim().split('\n').pop()}`;
}

const missing = pythonMissing();
// On a developer machine without the packages the suite is skipped with the reason; in CI
// (.ci/run installs them) a missing interpreter must fail the build instead.
const skip = missing !== undefined && process.env.CI !== 'true' ? missing : false;

describe('examples/python against a fresh server', { skip }, () => {
  let server: ExampleServer;
  let dir: string;
  before(async () => {
    assert.equal(missing, undefined, missing);
    server = await startExampleServer();
    dir = copyExample('python');
  });
  after(() => server?.stop());

  const python = (script: string, args: string[] = [], env: Record<string, string> = {}) => run(PYTHON, [script, ...args], { cwd: dir, env });

  test('password_grant.py: token, /me, /users, refresh, revoke (options from the environment)', async () => {
    const { id, secret } = server.clients.password;
    const result = await python('password_grant.py', [], {
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

  test('client_credentials.py: the client is the subject and lists users with view-users (options as arguments)', async () => {
    const { id, secret } = server.clients.service;
    const result = await python('client_credentials.py', ['--server', server.url, '--client-id', String(id), '--client-secret', secret]);
    assert.equal(result.code, 0, transcript(result));
    assert.match(result.stdout, /^Access token: eyJ/m);
    assert.match(result.stdout, new RegExp(`^GET /api/1\\.0/me -> client ${id} "Reporting Service", permissions: view-users$`, 'm'));
    assert.match(result.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
  });

  test('personal_access_token.py: creates a personal access token through the API, uses it, revokes it; then reuses a kept one', async () => {
    const { id, secret } = server.clients.password;
    const signIn = ['--server', server.url, '--client-id', String(id), '--client-secret', secret, '--password', ADMIN_PASSWORD];
    const created = await python('personal_access_token.py', signIn);
    assert.equal(created.code, 0, transcript(created));
    assert.match(created.stdout, /^Created personal access token \S+ "example script", expires \d{4}-/m);
    assert.match(created.stdout, /^GET \/api\/1\.0\/me -> admin, permissions: view-users$/m);
    assert.match(created.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
    assert.match(created.stdout, /^Revoked; GET \/api\/1\.0\/me with it now answers 401$/m);

    const kept = await python('personal_access_token.py', [...signIn, '--keep']);
    assert.equal(kept.code, 0, transcript(kept));
    const token = /^Personal access token \(shown once, store it safely\): (gatehouse_pat_\S+)$/m.exec(kept.stdout)?.[1];
    assert.ok(token, transcript(kept));
    const reused = await python('personal_access_token.py', [], { GATEHOUSE_URL: server.url, GATEHOUSE_TOKEN: token });
    assert.equal(reused.code, 0, transcript(reused));
    assert.match(reused.stdout, /^Using the personal access token gatehouse_pat_\S+… \(\d+ characters\)$/m);
    assert.match(reused.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
    assert.ok(!reused.stdout.includes(token), 'a token given to the script is not echoed');
  });

  test('authorization_code_pkce.py: prints the URL, the test signs in as the browser, the example gets tokens on its loopback', async () => {
    const example = start(PYTHON, ['authorization_code_pkce.py', '--server', server.url, '--client-id', String(server.clients.native.id)], { cwd: dir });
    const [, url] = await example.waitFor(/^  (http\S+\/oauth\/authorize\?\S+)$/m);
    const authorizeUrl = new URL(url);
    assert.equal(authorizeUrl.searchParams.get('code_challenge_method'), 'S256');
    assert.match(authorizeUrl.searchParams.get('redirect_uri')!, /^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const landing = await new Browser().authorize(url, { username: 'admin', password: ADMIN_PASSWORD });
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

  test('authorization_code_pkce.py: a denied consent is one clear line', async () => {
    await server.createUser('refuser', 'refuser-password');
    // An untrusted client needs the user's consent; this user says no.
    const example = start(PYTHON, ['authorization_code_pkce.py', '--server', server.url, '--client-id', String(server.clients.thirdParty.id)], { cwd: dir });
    const [, url] = await example.waitFor(/^  (http\S+\/oauth\/authorize\?\S+)$/m);
    const landing = await new Browser().authorize(url, { username: 'refuser', password: 'refuser-password' }, 'deny');
    assert.match(landing.url, /[?&]error=access_denied/);
    const result = await example.done;
    assert.equal(result.code, 1, transcript(result));
    assert.match(result.stderr, /^error: authorization failed: access_denied: /);
  });

  test('a wrong secret is one clear line and exit 1', async () => {
    const { id } = server.clients.password;
    const result = await python('password_grant.py', ['--server', server.url, '--client-id', String(id), '--client-secret', 'wrong', '--password', ADMIN_PASSWORD]);
    assert.equal(result.code, 1, transcript(result));
    assert.equal(result.stderr, 'error: the token endpoint refused the request: invalid_client: Client authentication failed. (check the client id and secret)\n');
  });

  test('a wrong password names invalid_grant', async () => {
    const { id, secret } = server.clients.password;
    const result = await python('password_grant.py', ['--server', server.url, '--client-id', String(id), '--client-secret', secret, '--password', 'not-it']);
    assert.equal(result.code, 1, transcript(result));
    assert.match(result.stderr, /^error: the token endpoint refused the request: invalid_grant: The user credentials were incorrect\./);
  });

  test('an unreachable server is one clear line and exit 1', async () => {
    const url = await unreachableUrl();
    const result = await python('client_credentials.py', ['--server', url, '--client-id', '4', '--client-secret', 'x']);
    assert.equal(result.code, 1, transcript(result));
    assert.equal(result.stderr, `error: cannot reach the Gatehouse server (${url}/oauth/token): is it running?\n`);
  });
});
