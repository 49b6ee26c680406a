import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { bearer } from '../helpers/harness.js';

eachBackend('bearer authentication on /api/1.0 (RFC 6750)', (ctx) => {
  let token: string;
  before(async () => {
    const client = await ctx.h.createClient(['password']);
    token = (await ctx.h.passwordToken(client)).access_token;
  });
  const me = (headers: Record<string, string> = {}, url = '/api/1.0/me') => ctx.h.app.inject({ url, headers });

  test('GET /me answers the user and their effective permissions', async () => {
    const res = await me(bearer(token));
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.type, 'user');
    assert.equal(body.username, 'admin');
    assert.equal(body.is_administrator, true);
    assert.ok(body.permissions.includes('view-auth_clients'));
    assert.equal(body.password_hash, undefined);
  });

  test('no token: 401 with a bare Bearer challenge', async () => {
    const res = await me();
    assert.equal(res.statusCode, 401);
    assert.equal(res.headers['www-authenticate'], 'Bearer realm="gatehouse"');
    assert.equal(res.json().message, 'Unauthenticated.');
  });

  test('a bad, forged or expired token: 401 invalid_token', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const claims = decodeJwt(token);
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: 'forged' }).sign(privateKey);
    const [header, payload] = token.split('.');
    const unsigned = `${header}.${payload}.`;
    for (const bad of ['nonsense', forged, unsigned, token + 'x']) {
      const res = await me(bearer(bad));
      assert.equal(res.statusCode, 401);
      assert.match(String(res.headers['www-authenticate']), /^Bearer realm="gatehouse", error="invalid_token"/);
    }
    ctx.h.clock.advance(3601);
    try {
      assert.equal((await me(bearer(token))).statusCode, 401);
    } finally {
      ctx.h.clock.advance(-3601);
    }
  });

  test('alg none is never accepted', async () => {
    const [, payload] = token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: 'x' })).toString('base64url') + '.' + payload + '.';
    assert.equal((await me(bearer(none))).statusCode, 401);
  });

  test('a token in the URL is refused', async () => {
    const res = await me({}, `/api/1.0/me?access_token=${token}`);
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['www-authenticate']), /error="invalid_request"/);
  });

  test('a token sent two ways is a 400', async () => {
    const res = await ctx.h.app.inject({ method: 'GET', url: `/api/1.0/me?access_token=${token}`, headers: bearer(token) });
    assert.equal(res.statusCode, 400);
  });

  test('explicit scopes intersect the subject\'s permissions', async () => {
    const client = await ctx.h.createClient(['password']);
    const narrow = await ctx.h.passwordToken(client, undefined, undefined, 'view-groups');
    const meRes = await me(bearer(narrow.access_token));
    assert.deepEqual(meRes.json().permissions, ['view-groups']);
  });
});
