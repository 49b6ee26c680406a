import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { bearer } from '../helpers/harness.js';

eachBackend('signing key API (/api/1.0/keys)', (ctx) => {
  let admin: string;
  let plain: string;
  before(async () => {
    const client = await ctx.h.createClient(['password']);
    admin = (await ctx.h.passwordToken(client)).access_token;
    await ctx.h.createUser('keyless', 'keyless-password');
    plain = (await ctx.h.passwordToken(client, 'keyless', 'keyless-password')).access_token;
  });
  const rotate = (headers: Record<string, string>, payload: object = {}) =>
    ctx.h.app.inject({ method: 'POST', url: '/api/1.0/keys/rotate', headers, payload });

  test('unauthenticated callers get 401, non-administrators 403', async () => {
    assert.equal((await ctx.h.app.inject({ url: '/api/1.0/keys' })).statusCode, 401);
    assert.equal((await rotate({})).statusCode, 401);
    const list = await ctx.h.app.inject({ url: '/api/1.0/keys', headers: bearer(plain) });
    assert.equal(list.statusCode, 403);
    assert.equal(list.json().code, 'auth.forbidden');
    assert.equal((await rotate(bearer(plain))).statusCode, 403);
  });

  test('an administrator lists keys without private parts and rotates one into the JWKS', async () => {
    const list = await ctx.h.app.inject({ url: '/api/1.0/keys', headers: bearer(admin) });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().data.every((k: Record<string, unknown>) => k.state === 'active' && !('private_key' in k) && !('d' in k)));
    const rotated = await rotate(bearer(admin), { alg: 'ES256', activate_in_seconds: 60 });
    assert.equal(rotated.statusCode, 201);
    assert.equal(rotated.json().state, 'next');
    const jwks = (await ctx.h.app.inject({ url: '/oauth/jwks' })).json();
    assert.ok(jwks.keys.some((k: { kid: string }) => k.kid === rotated.json().kid));
    const audit = await ctx.h.services.auditEvents.list({ event: 'signing_key.rotated' }, { offset: 0, limit: 5 });
    assert.equal(audit.total, 1);
  });

  test('bad input is a 422', async () => {
    const res = await rotate(bearer(admin), { alg: 'none' });
    assert.equal(res.statusCode, 422);
  });
});
