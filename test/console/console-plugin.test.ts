import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConsolePlugin } from '../../src/console/console-plugin.js';
import { openStore } from '../../src/storage/database.js';
import { createHarness, ISSUER, type Harness } from '../helpers/harness.js';

const sqlite = { name: 'sqlite' as const, open: async () => openStore('sqlite:') };

describe('console static files (/admin)', () => {
  let h: Harness;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    h = await createHarness(sqlite, {}, { plugins: [createConsolePlugin(dir)] });
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects /admin to /admin/', async () => {
    const response = await h.app.inject('/admin');
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/admin/');
  });

  it('answers client-side routes with index.html under a strict CSP', async () => {
    for (const url of ['/admin/', '/admin/auth-clients', '/admin/users/4', '/admin/callback?code=x&state=y']) {
      const response = await h.app.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /<title>console<\/title>/);
      assert.match(String(response.headers['content-type']), /text\/html/);
      assert.equal(response.headers['cache-control'], 'no-cache');
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
    }
  });

  it('serves hashed assets as immutable and 404s missing files', async () => {
    const asset = await h.app.inject('/admin/assets/index-abc.js');
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    assert.equal((await h.app.inject('/admin/assets/missing.js')).statusCode, 404);
    assert.equal((await h.app.inject({ method: 'POST', url: '/admin/users' })).statusCode, 404);
  });

  it('tells the console its issuer, client id and secret mode', async () => {
    const response = await h.app.inject('/admin/config.json');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.deepEqual(response.json(), { issuer: ISSUER, client_id: 1, scope: 'openid profile email *', client_secrets: 'encrypted' });
  });

  it('leaves the API and the protocol alone', async () => {
    assert.equal((await h.app.inject('/api/1.0/me')).statusCode, 401);
    assert.equal((await h.app.inject('/healthz')).headers['content-security-policy'], undefined);
  });
});

describe('console not built', () => {
  let h: Harness;
  before(async () => {
    h = await createHarness(sqlite, {}, { plugins: [createConsolePlugin(join(tmpdir(), 'gatehouse-no-console-here'))] });
  });
  after(() => h?.close());

  it('answers 503 with how to build it', async () => {
    for (const url of ['/admin', '/admin/', '/admin/auth-clients']) {
      const response = await h.app.inject(url);
      assert.equal(response.statusCode, 503, url);
      assert.equal(response.body, 'Console not built: run npm run build');
    }
  });
});
