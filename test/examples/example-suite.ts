import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Browser } from './browser.js';
import { ADMIN_PASSWORD, copyExample, run, start, startExampleServer, transcript, unreachableUrl, type ExampleServer } from './example-server.js';

/** One language's examples: the same four flows, printing the same lines. */
export interface ExampleLanguage {
  folder: 'node' | 'python';
  interpreter: string;
  scripts: { password: string; clientCredentials: string; personalToken: string; code: string };
  /** How the scripts word a refusal by the token endpoint, and an unreachable server. */
  refused(status: number): string;
  unreachable(url: string): string;
  skip?: string | false;
  /** Fails the suite (CI) when the language's runtime is missing. */
  missing?: string;
}

/** The examples, copied out of the repository and run as their README says. */
export function describeExamples(lang: ExampleLanguage): void {
  describe(`examples/${lang.folder} against a fresh server`, { skip: lang.skip }, () => {
    let server: ExampleServer;
    let dir: string;
    before(async () => {
      assert.equal(lang.missing, undefined, lang.missing);
      server = await startExampleServer();
      dir = copyExample(lang.folder);
    });
    after(() => server?.stop());

    const script = (name: string, args: string[] = [], env: Record<string, string> = {}) => run(lang.interpreter, [name, ...args], { cwd: dir, env });
    const { scripts } = lang;

    test(`${scripts.password}: token, /me, /users, refresh, revoke (options from the environment)`, async () => {
      const { id, secret } = server.clients.password;
      const result = await script(scripts.password, [], {
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

    test(`${scripts.clientCredentials}: the client is the subject and lists users with view-users (options as arguments)`, async () => {
      const { id, secret } = server.clients.service;
      const result = await script(scripts.clientCredentials, ['--server', server.url, '--client-id', String(id), '--client-secret', secret]);
      assert.equal(result.code, 0, transcript(result));
      assert.match(result.stdout, /^Access token: eyJ/m);
      assert.match(result.stdout, new RegExp(`^GET /api/1\\.0/me -> client ${id} "Reporting Service", permissions: view-users$`, 'm'));
      assert.match(result.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
    });

    test(`${scripts.personalToken}: creates a personal access token through the API, uses it, revokes it; then reuses a kept one`, async () => {
      const { id, secret } = server.clients.password;
      const signIn = ['--server', server.url, '--client-id', String(id), '--client-secret', secret, '--password', ADMIN_PASSWORD];
      const created = await script(scripts.personalToken, signIn);
      assert.equal(created.code, 0, transcript(created));
      assert.match(created.stdout, /^Created personal access token \S+ "example script", expires \d{4}-/m);
      assert.match(created.stdout, /^GET \/api\/1\.0\/me -> admin, permissions: view-users$/m);
      assert.match(created.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
      assert.match(created.stdout, /^Revoked; GET \/api\/1\.0\/me with it now answers 401$/m);

      const kept = await script(scripts.personalToken, [...signIn, '--keep']);
      assert.equal(kept.code, 0, transcript(kept));
      const token = /^Personal access token \(shown once, store it safely\): (gatehouse_pat_\S+)$/m.exec(kept.stdout)?.[1];
      assert.ok(token, transcript(kept));
      const reused = await script(scripts.personalToken, [], { GATEHOUSE_URL: server.url, GATEHOUSE_TOKEN: token });
      assert.equal(reused.code, 0, transcript(reused));
      assert.match(reused.stdout, /^Using the personal access token gatehouse_pat_\S+… \(\d+ characters\)$/m);
      assert.match(reused.stdout, /^GET \/api\/1\.0\/users -> \d+ in total: .*admin/m);
      assert.ok(!reused.stdout.includes(token), 'a token given to the script is not echoed');
    });

    for (const [kind, consent] of [['native', 'no consent page: a first-party client'], ['thirdParty', 'the user allows on the consent page']] as const) {
      test(`${scripts.code}: the test signs in as the browser, the example gets tokens on its loopback (${consent})`, async () => {
        const example = start(lang.interpreter, [scripts.code, '--server', server.url, '--client-id', String(server.clients[kind].id)], { cwd: dir });
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

    test(`${scripts.code}: a denied consent is one clear line`, async () => {
      await server.createUser(`refuser-${lang.folder}`, 'refuser-password');
      // An untrusted client needs the user's consent; this user says no.
      const example = start(lang.interpreter, [scripts.code, '--server', server.url, '--client-id', String(server.clients.thirdParty.id)], { cwd: dir });
      const [, url] = await example.waitFor(/^  (http\S+\/oauth\/authorize\?\S+)$/m);
      const landing = await new Browser().authorize(url, { username: `refuser-${lang.folder}`, password: 'refuser-password' }, 'deny');
      assert.match(landing.url, /[?&]error=access_denied/);
      const result = await example.done;
      assert.equal(result.code, 1, transcript(result));
      assert.match(result.stderr, /^error: authorization failed: access_denied: /);
    });

    test('a wrong secret is one clear line and exit 1', async () => {
      const { id } = server.clients.password;
      const result = await script(scripts.password, ['--server', server.url, '--client-id', String(id), '--client-secret', 'wrong', '--password', ADMIN_PASSWORD]);
      assert.equal(result.code, 1, transcript(result));
      assert.equal(result.stderr, `error: ${lang.refused(401)}: invalid_client: Client authentication failed. (check the client id and secret)\n`);
    });

    test('a wrong password names invalid_grant', async () => {
      const { id, secret } = server.clients.password;
      const result = await script(scripts.password, ['--server', server.url, '--client-id', String(id), '--client-secret', secret, '--password', 'not-it']);
      assert.equal(result.code, 1, transcript(result));
      assert.ok(result.stderr.startsWith(`error: ${lang.refused(400)}: invalid_grant: The user credentials were incorrect.`), transcript(result));
    });

    test('an unreachable server is one clear line and exit 1', async () => {
      const url = await unreachableUrl();
      const result = await script(scripts.clientCredentials, ['--server', url, '--client-id', '4', '--client-secret', 'x']);
      assert.equal(result.code, 1, transcript(result));
      assert.equal(result.stderr, `error: ${lang.unreachable(url)}\n`);
    });

    test('a missing option names the option and its variable', async () => {
      const result = await script(scripts.clientCredentials, ['--server', server.url]);
      assert.notEqual(result.code, 0, transcript(result));
      assert.match(result.stderr, /--client-id.*GATEHOUSE_CLIENT_ID/);
    });
  });
}
