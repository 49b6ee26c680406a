import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { decodeProtectedHeader } from 'jose';
import { formFields } from '../authorize/browser.js';
import { cliEnvironment, ensureBuilt, runCli, startServer } from '../cli/run-cli.js';
import { backends } from '../helpers/backends.js';
import { createPostgresSchema, type PostgresSchema } from '../helpers/postgres-schema.js';
import { FetchBrowser } from '../oidc/live-server.js';

const url = process.env.TEST_DATABASE_URL;
const onPostgres = backends().some((b) => b.name === 'postgres');
const redisUrl = process.env.REDIS_TEST_URL ?? (process.env.CI === 'true' ? 'redis://127.0.0.1:6379' : undefined);
const PASSWORD = 'instances-password-1';
// A fresh issuer per run: Redis keeps throttling counters between runs, namespaced by issuer.
const ISSUER = `http://localhost:${10_000 + randomBytes(2).readUInt16BE() % 50_000}`;

type Server = Awaited<ReturnType<typeof startServer>>;
const basic = (id: number, secret: string) => 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

for (const counters of ['postgres', 'redis'] as const) {
  const skip = !onPostgres ? 'TEST_DATABASE_URL is not set' : counters === 'redis' && !redisUrl ? 'REDIS_TEST_URL is not set' : false;

  describe(`two gatehouse serve processes on one PostgreSQL database (counters in ${counters})`, { skip }, () => {
    let schema: PostgresSchema;
    let a: Server;
    let b: Server;
    let client: { id: number; secret: string };
    let context: ReturnType<typeof cliEnvironment>;

    before(async () => {
      await ensureBuilt();
      schema = await createPostgresSchema(url!, 'multi');
      context = cliEnvironment(schema.url);
      Object.assign(context.env, {
        GATEHOUSE_ADMIN_PASSWORD: PASSWORD,
        GATEHOUSE_ISSUER: ISSUER,
        THROTTLE_MAX_FAILURES: '3',
        ...(counters === 'redis' ? { REDIS_URL: redisUrl } : {}),
      });
      const created = await runCli(['client', 'create', '--name', 'shared', '--grant', 'password', '--grant', 'client_credentials', '--json'], context);
      assert.equal(created.code, 0, created.stderr);
      client = JSON.parse(created.stdout);
      [a, b] = await Promise.all([startServer(context), startServer(context)]);
    });
    after(async () => {
      a?.child.kill('SIGTERM');
      b?.child.kill('SIGTERM');
      await schema?.drop();
    });

    const passwordToken = async (server: Server) => {
      const res = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { authorization: basic(client.id, client.secret) }, body: form({ grant_type: 'password', username: 'admin', password: PASSWORD }) });
      assert.equal(res.status, 200);
      return (await res.json()) as { access_token: string; refresh_token: string };
    };
    const me = (server: Server, token: string) => fetch(`${server.url}/api/1.0/me`, { headers: { authorization: `Bearer ${token}` } });

    test('a token issued by A is verified, introspected and revoked by B', async () => {
      const tokens = await passwordToken(a);
      assert.equal((await me(b, tokens.access_token)).status, 200);
      const introspection = await fetch(`${b.url}/oauth/introspect`, { method: 'POST', headers: { authorization: basic(client.id, client.secret) }, body: form({ token: tokens.access_token }) });
      assert.equal(((await introspection.json()) as { active: boolean }).active, true);
      const revoke = await fetch(`${b.url}/oauth/revoke`, { method: 'POST', headers: { authorization: basic(client.id, client.secret) }, body: form({ token: tokens.refresh_token }) });
      assert.equal(revoke.status, 200);
      assert.equal((await me(a, tokens.access_token)).status, 401);
    });

    test('a refresh token rotated on A cannot be replayed on B', async () => {
      const tokens = await passwordToken(a);
      const refresh = (server: Server) => fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { authorization: basic(client.id, client.secret) }, body: form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }) });
      const results = await Promise.all([refresh(a), refresh(b)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 400]);
    });

    test('a throttling counter carries across instances', async () => {
      const username = `ghost-${randomBytes(3).toString('hex')}`;
      const attempt = (server: Server) => fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { authorization: basic(client.id, client.secret) }, body: form({ grant_type: 'password', username, password: 'wrong-password' }) });
      assert.equal((await attempt(a)).status, 400);
      assert.equal((await attempt(b)).status, 400);
      assert.equal((await attempt(a)).status, 400);
      const locked = await attempt(b);
      assert.equal(locked.status, 429);
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      if (counters === 'redis') {
        const redis = new Redis(redisUrl!);
        try {
          assert.ok((await redis.keys('gatehouse:throttle:*')).length > 0, 'the counters live in Redis');
        } finally {
          redis.disconnect();
        }
      }
    });

    test('a login session made on A signs the user in on B', async () => {
      const browser = new FetchBrowser();
      const page = await browser.request(`${a.url}/oauth/login`);
      const login = await browser.request(`${a.url}/oauth/login`, { form: { ...formFields(await page.text()), username: 'admin', password: PASSWORD } });
      assert.equal(login.status, 303);
      const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
      const authorize = await browser.request(`${b.url}/oauth/authorize?` + form({ response_type: 'code', client_id: '1', redirect_uri: `${ISSUER}/admin/callback`, scope: 'openid *', state: 's1', code_challenge: challenge, code_challenge_method: 'S256' }));
      assert.ok([302, 303].includes(authorize.status), `expected a redirect, got ${authorize.status}`);
      const back = new URL(authorize.headers.get('location')!);
      assert.equal(back.origin + back.pathname, `${ISSUER}/admin/callback`);
      assert.ok(back.searchParams.get('code'), 'signed in without a second login');
      assert.equal(back.searchParams.get('state'), 's1');
    });

    test('a secret rotated on B works on A at once, and the old one stops', async () => {
      const admin = await passwordToken(b);
      const rotated = await fetch(`${b.url}/api/1.0/auth_clients/${client.id}/secret`, { method: 'POST', headers: { authorization: `Bearer ${admin.access_token}`, 'content-type': 'application/json' }, body: '{}' });
      assert.equal(rotated.status, 200);
      const { secret } = (await rotated.json()) as { secret: string };
      const cc = (value: string) => fetch(`${a.url}/oauth/token`, { method: 'POST', headers: { authorization: basic(client.id, value) }, body: form({ grant_type: 'client_credentials' }) });
      assert.equal((await cc(secret)).status, 200);
      assert.equal((await cc(client.secret)).status, 401);
      client.secret = secret;
    });

    test('two instances racing to create one client name: one 201, one 422', async () => {
      const admin = await passwordToken(a);
      const create = (server: Server) => fetch(`${server.url}/api/1.0/auth_clients`, { method: 'POST', headers: { authorization: `Bearer ${admin.access_token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Raced', types: ['password_client'] }) });
      const results = await Promise.all([create(a), create(b)]);
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 422]);
    });

    test('a key rotated by the CLI is used by both instances without a restart', async () => {
      const rotated = await runCli(['keys', 'rotate', '--activate-in', '0', '--json'], context);
      assert.equal(rotated.code, 0, rotated.stderr);
      const { kid } = JSON.parse(rotated.stdout);
      const deadline = Date.now() + 20_000;
      const signers = new Set<string>();
      while (Date.now() < deadline) {
        const [fromA, fromB] = await Promise.all([passwordToken(a), passwordToken(b)]);
        signers.clear();
        signers.add(decodeProtectedHeader(fromA.access_token).kid!).add(decodeProtectedHeader(fromB.access_token).kid!);
        if (signers.size === 1 && signers.has(kid)) {
          assert.equal((await me(b, fromA.access_token)).status, 200);
          assert.equal((await me(a, fromB.access_token)).status, 200);
          return;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      assert.fail(`instances still sign with ${[...signers].join(', ')}, not ${kid}`);
    });
  });
}
