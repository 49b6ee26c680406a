import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { basic, bearer } from '../helpers/harness.js';

eachBackend('token revocation (RFC 7009)', (ctx) => {
  let client: { id: number; secret: string };
  before(async () => {
    client = await ctx.h.createClient(['password']);
  });
  const revoke = (form: Record<string, string>, who = client) => ctx.h.post('/oauth/revoke', form, { authorization: basic(who.id, who.secret) });
  const me = (token: string) => ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(token) });

  test('revoking an access token takes effect at once', async () => {
    const tokens = await ctx.h.passwordToken(client);
    assert.equal((await me(tokens.access_token)).statusCode, 200);
    const res = await revoke({ token: tokens.access_token });
    assert.equal(res.statusCode, 200);
    assert.equal(res.body, '{}');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal((await me(tokens.access_token)).statusCode, 401);
  });

  test('revoking a refresh token revokes the access tokens of its grant', async () => {
    const tokens = await ctx.h.passwordToken(client);
    await revoke({ token: tokens.refresh_token, token_type_hint: 'refresh_token' });
    assert.equal((await me(tokens.access_token)).statusCode, 401);
    const again = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { authorization: basic(client.id, client.secret) });
    assert.equal(again.json().error, 'invalid_grant');
  });

  test('a wrong token_type_hint still finds the token', async () => {
    const tokens = await ctx.h.passwordToken(client);
    await revoke({ token: tokens.access_token, token_type_hint: 'refresh_token' });
    assert.equal((await me(tokens.access_token)).statusCode, 401);
  });

  test('an unknown token answers 200 {}', async () => {
    const res = await revoke({ token: 'garbage.garbage.garbage' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {});
  });

  test('one client cannot revoke another client\'s token', async () => {
    const other = await ctx.h.createClient(['password']);
    const tokens = await ctx.h.passwordToken(client);
    const res = await revoke({ token: tokens.access_token }, other);
    assert.equal(res.statusCode, 200);
    assert.equal((await me(tokens.access_token)).statusCode, 200);
  });

  test('requires client authentication and the token parameter', async () => {
    const tokens = await ctx.h.passwordToken(client);
    const anonymous = await ctx.h.post('/oauth/revoke', { token: tokens.access_token });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().error, 'invalid_client');
    const missing = await revoke({});
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error, 'invalid_request');
  });
});
