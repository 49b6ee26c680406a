import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { ISSUER } from '../helpers/harness.js';

eachBackend('metadata and JWKS', (ctx) => {
  test('RFC 8414 metadata: the issuer character for character, only what is implemented', async () => {
    for (const url of ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration']) {
      const res = await ctx.h.app.inject({ url });
      assert.equal(res.statusCode, 200);
      const metadata = res.json();
      assert.equal(metadata.issuer, ISSUER);
      assert.equal(metadata.token_endpoint, `${ISSUER}/oauth/token`);
      assert.equal(metadata.revocation_endpoint, `${ISSUER}/oauth/revoke`);
      assert.equal(metadata.introspection_endpoint, `${ISSUER}/oauth/introspect`);
      assert.equal(metadata.jwks_uri, `${ISSUER}/oauth/jwks`);
      for (const grant of ['password', 'client_credentials', 'refresh_token']) assert.ok(metadata.grant_types_supported.includes(grant), grant);
      assert.ok(!metadata.grant_types_supported.includes('implicit'));
      assert.ok(!metadata.grant_types_supported.includes('urn:ietf:params:oauth:grant-type:device_code'));
      assert.deepEqual(metadata.token_endpoint_auth_methods_supported, ['client_secret_basic', 'client_secret_post', 'none']);
    }
  });

  test('every endpoint the metadata names answers', async () => {
    const metadata = (await ctx.h.app.inject({ url: '/.well-known/oauth-authorization-server' })).json();
    for (const [name, value] of Object.entries(metadata)) {
      if (!name.endsWith('_endpoint') && name !== 'jwks_uri') continue;
      const path = new URL(value as string).pathname;
      const get = await ctx.h.app.inject({ method: 'GET', url: path });
      const post = await ctx.h.app.inject({ method: 'POST', url: path });
      assert.ok(get.statusCode !== 404 || post.statusCode !== 404, `${name} → ${path}`);
    }
  });

  test('JWKS has public keys only, each with a unique kid, and signs the tokens', async () => {
    const res = await ctx.h.app.inject({ url: '/oauth/jwks' });
    assert.equal(res.statusCode, 200);
    const { keys } = res.json();
    assert.ok(keys.length >= 2);
    const kids = keys.map((k: { kid: string }) => k.kid);
    assert.equal(new Set(kids).size, kids.length);
    for (const key of keys) {
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) assert.equal(key[member], undefined, `private member ${member}`);
      assert.notEqual(key.alg, 'none');
      assert.equal(key.use, 'sig');
    }
    const client = await ctx.h.createClient(['password']);
    const tokens = await ctx.h.passwordToken(client);
    assert.ok(kids.includes(decodeProtectedHeader(tokens.access_token).kid));
  });

  test('health and readiness', async () => {
    assert.equal((await ctx.h.app.inject({ url: '/healthz' })).statusCode, 200);
    const ready = await ctx.h.app.inject({ url: '/readyz' });
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ok' });
  });
});

eachBackend(
  'served over https',
  (ctx) => {
    test('HSTS is sent and the metadata names the https issuer', async () => {
      const res = await ctx.h.app.inject({ url: '/.well-known/oauth-authorization-server' });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
      assert.equal(res.json().issuer, 'https://id.example.com');
      assert.equal(res.json().token_endpoint, 'https://id.example.com/oauth/token');
    });
  },
  { GATEHOUSE_ISSUER: 'https://id.example.com' },
);

eachBackend('served over plain http on loopback', (ctx) => {
  test('no HSTS over http', async () => {
    const res = await ctx.h.app.inject({ url: '/healthz' });
    assert.equal(res.headers['strict-transport-security'], undefined);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });
});
