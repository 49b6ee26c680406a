import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ISSUER, basic } from '../helpers/harness.js';

eachBackend('token introspection (RFC 7662)', (ctx) => {
  let client: { id: number; secret: string };
  before(async () => {
    client = await ctx.h.createClient(['password']);
  });
  const introspect = (token: string, who = client) => ctx.h.post('/oauth/introspect', { token }, { authorization: basic(who.id, who.secret) });

  test('an active access token carries scope, client_id, sub, exp, iat, iss and token_type', async () => {
    const tokens = await ctx.h.passwordToken(client);
    const res = await introspect(tokens.access_token);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.equal(body.active, true);
    assert.equal(body.scope, '*');
    assert.equal(body.client_id, String(client.id));
    assert.equal(body.sub, '1');
    assert.equal(body.username, 'admin');
    assert.equal(body.iss, ISSUER);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.exp - body.iat, 3600);
  });

  test('an active refresh token is active too', async () => {
    const tokens = await ctx.h.passwordToken(client);
    const body = (await introspect(tokens.refresh_token)).json();
    assert.equal(body.active, true);
    assert.equal(body.token_type, 'refresh_token');
  });

  test('revoked, expired, unknown and foreign tokens are exactly {"active":false}', async () => {
    const other = await ctx.h.createClient(['password']);
    const revoked = await ctx.h.passwordToken(client);
    await ctx.h.post('/oauth/revoke', { token: revoked.access_token }, { authorization: basic(client.id, client.secret) });
    assert.equal((await introspect(revoked.access_token)).body, '{"active":false}');
    assert.equal((await introspect('unknown-token')).body, '{"active":false}');
    const foreign = await ctx.h.passwordToken(other);
    assert.equal((await introspect(foreign.access_token)).body, '{"active":false}');
    const expiring = await ctx.h.passwordToken(client);
    ctx.h.clock.advance(3601);
    try {
      assert.equal((await introspect(expiring.access_token)).body, '{"active":false}');
    } finally {
      ctx.h.clock.advance(-3601);
    }
  });

  test('requires client authentication', async () => {
    const tokens = await ctx.h.passwordToken(client);
    const res = await ctx.h.post('/oauth/introspect', { token: tokens.access_token });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error, 'invalid_client');
    const publicCaller = await ctx.h.post('/oauth/introspect', { token: tokens.access_token, client_id: '1' });
    assert.equal(publicCaller.statusCode, 401);
  });
});
