import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { ADMIN_PASSWORD, ISSUER, basic, bearer } from '../helpers/harness.js';

eachBackend('password grant', (ctx) => {
  let client: { id: number; secret: string };
  before(async () => {
    client = await ctx.h.createClient(['password']);
  });

  test('issues a JWT access token and a refresh token with no-store', async () => {
    const res = await ctx.h.post('/oauth/token', { grant_type: 'password', client_id: String(client.id), client_secret: client.secret, username: 'admin', password: ADMIN_PASSWORD });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(res.headers.pragma, 'no-cache');
    const body = res.json();
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 3600);
    assert.equal(body.scope, '*');
    assert.match(body.refresh_token, /^[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/, 'issue time, then 256 random bits');
    const header = decodeProtectedHeader(body.access_token);
    assert.equal(header.typ, 'at+jwt');
    assert.equal(header.alg, 'ES256');
    assert.ok(header.kid);
    const claims = decodeJwt(body.access_token);
    assert.equal(claims.iss, ISSUER);
    assert.equal(claims.sub, '1');
    assert.equal(claims.aud, `${ISSUER}/api/1.0`);
    assert.equal(claims.client_id, String(client.id));
    assert.equal(claims.scope, '*');
    assert.ok(typeof claims.jti === 'string' && claims.jti.length >= 22);
    assert.equal((claims.exp as number) - (claims.iat as number), 3600);
    const { events } = await ctx.h.services.auditEvents.list({ event: 'oauth.token_issued', targetId: String(client.id) }, { offset: 0, limit: 10 });
    assert.equal(events.length, 1, 'the issuance is audited');
    assert.deepEqual(events[0]!.actor, { type: 'user', id: '1', name: 'admin' });
    assert.deepEqual(events[0]!.details, { grant_type: 'password' });
  });

  test('accepts the email as the username', async () => {
    const res = await ctx.h.post('/oauth/token', { grant_type: 'password', client_id: String(client.id), client_secret: client.secret, username: 'admin@localhost', password: ADMIN_PASSWORD });
    assert.equal(res.statusCode, 200);
  });

  test('accepts a JSON body as ProcessMaker clients send, with a numeric client_id', async () => {
    const res = await ctx.h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'password', client_id: client.id, client_secret: client.secret, username: 'admin', password: ADMIN_PASSWORD, scope: '*' },
    });
    assert.equal(res.statusCode, 200);
    const me = await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(res.json().access_token) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().username, 'admin');
  });

  test('unknown user and wrong password answer identically', async () => {
    const wrong = await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'admin', password: 'nope-nope' }, { authorization: basic(client.id, client.secret) });
    const unknown = await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'nobody-here', password: 'nope-nope' }, { authorization: basic(client.id, client.secret) });
    assert.equal(wrong.statusCode, 400);
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(wrong.json(), unknown.json());
    assert.deepEqual(wrong.json(), { error: 'invalid_grant', error_description: 'The user credentials were incorrect.' });
  });

  test('an inactive user gets nothing', async () => {
    await ctx.h.createUser('sleepy', 'sleepy-password', { status: 'INACTIVE' });
    const res = await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'sleepy', password: 'sleepy-password' }, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'invalid_grant');
  });

  test('missing username or password is invalid_request', async () => {
    const res = await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'admin' }, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'invalid_request');
  });

  test('an unknown scope is invalid_scope', async () => {
    const res = await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD, scope: 'launch-missiles' }, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'invalid_scope');
  });

  test('a client without the password grant is unauthorized_client', async () => {
    const other = await ctx.h.createClient(['client_credentials']);
    const res = await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'admin', password: ADMIN_PASSWORD }, { authorization: basic(other.id, other.secret) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'unauthorized_client');
  });

  test('a bcrypt $2y$ hash is accepted and upgraded to argon2id', async () => {
    const { hash } = await import('@node-rs/bcrypt');
    const legacy = (await hash('legacy-password', 4)).replace(/^\$2b\$/, '$2y$');
    const user = await ctx.h.services.users.create({ username: 'legacy', email: 'legacy@example.test', passwordHash: legacy });
    const res = await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'legacy', password: 'legacy-password' }, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 200);
    const stored = await ctx.h.services.users.findForLogin('legacy');
    assert.equal(stored?.user.id, user.id);
    assert.match(stored!.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
