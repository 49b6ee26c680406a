import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, test } from 'node:test';
import { sha256 } from '../../src/crypto/digest.js';
import { refreshTokenId } from '../../src/tokens/refresh-token-format.js';
import { eachBackend } from '../helpers/each-backend.js';
import { basic, bearer } from '../helpers/harness.js';

eachBackend('refresh_token grant', (ctx) => {
  let client: { id: number; secret: string };
  before(async () => {
    client = await ctx.h.createClient(['password']);
  });
  const refresh = (token: string, extra: Record<string, string> = {}, who = client) =>
    ctx.h.post('/oauth/token', { grant_type: 'refresh_token', refresh_token: token, ...extra }, { authorization: basic(who.id, who.secret) });

  test('rotates the refresh token on every use', async () => {
    const first = await ctx.h.passwordToken(client);
    const second = await refresh(first.refresh_token);
    assert.equal(second.statusCode, 200);
    assert.equal(second.headers['cache-control'], 'no-store');
    assert.notEqual(second.json().refresh_token, first.refresh_token);
    assert.notEqual(second.json().access_token, first.access_token);
    const third = await refresh(second.json().refresh_token);
    assert.equal(third.statusCode, 200);
  });

  test('is stored only under a one-way id that sorts by issue time; tokens from before the time part still rotate', async () => {
    const { refresh_token: token } = await ctx.h.passwordToken(client);
    const stored = await ctx.h.services.tokens.findRefreshToken(refreshTokenId(token));
    assert.ok(stored && !stored.id.includes(token.slice(13)), 'the id holds a digest, never the token');
    assert.equal(stored.id.slice(0, 12), token.slice(0, 12), 'the id starts with the issue time');
    assert.equal(parseInt(stored.id.slice(0, 12), 16), stored.createdAt);

    // A token issued before the time part existed: 43 characters, stored under its SHA-256.
    const legacy = randomBytes(32).toString('base64url');
    await ctx.h.services.tokens.saveIssued(
      { id: `legacy-${randomBytes(4).toString('hex')}`, userId: 1, clientId: client.id, name: null, scopes: ['*'], familyId: 'legacy-family', tokenHash: null, revoked: false, createdAt: 1, expiresAt: Date.now() + 60_000 },
      { id: sha256(legacy), familyId: 'legacy-family', accessTokenId: 'legacy', clientId: client.id, userId: 1, scopes: ['*'], authTime: null, revoked: false, usedAt: null, createdAt: 1, expiresAt: Date.now() + 60_000 },
    );
    const rotated = await refresh(legacy);
    assert.equal(rotated.statusCode, 200, rotated.body);
    assert.match(rotated.json().refresh_token, /^[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);
    assert.equal((await refresh(legacy)).statusCode, 400, 'and is consumed like any other');
  });

  test('replaying a rotated token fails and revokes the whole family and its access tokens', async () => {
    const first = await ctx.h.passwordToken(client);
    const second = (await refresh(first.refresh_token)).json();
    const replay = await refresh(first.refresh_token);
    assert.equal(replay.statusCode, 400);
    assert.equal(replay.json().error, 'invalid_grant');
    const latest = await refresh(second.refresh_token);
    assert.equal(latest.json().error, 'invalid_grant');
    for (const token of [first.access_token, second.access_token]) {
      const me = await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(token) });
      assert.equal(me.statusCode, 401);
    }
  });

  test('is bound to its client and does not burn under another client', async () => {
    const other = await ctx.h.createClient(['password']);
    const tokens = await ctx.h.passwordToken(client);
    const stolen = await refresh(tokens.refresh_token, {}, other);
    assert.equal(stolen.statusCode, 400);
    assert.equal(stolen.json().error, 'invalid_grant');
    const owner = await refresh(tokens.refresh_token);
    assert.equal(owner.statusCode, 200);
  });

  test('scope may narrow but never widen', async () => {
    const narrow = await ctx.h.passwordToken(client, undefined, undefined, 'view-users view-groups');
    const narrower = await refresh(narrow.refresh_token, { scope: 'view-users' });
    assert.equal(narrower.statusCode, 200);
    assert.equal(narrower.json().scope, 'view-users');
    const wider = await refresh(narrower.json().refresh_token, { scope: 'view-users delete-users' });
    assert.equal(wider.statusCode, 400);
    assert.equal(wider.json().error, 'invalid_scope');
  });

  test('unknown and expired refresh tokens are invalid_grant', async () => {
    const unknown = await refresh('not-a-real-token');
    assert.equal(unknown.json().error, 'invalid_grant');
    const tokens = await ctx.h.passwordToken(client);
    ctx.h.clock.advance(31 * 86_400);
    try {
      const expired = await refresh(tokens.refresh_token);
      assert.equal(expired.statusCode, 400);
      assert.equal(expired.json().error, 'invalid_grant');
    } finally {
      ctx.h.clock.advance(-31 * 86_400);
    }
  });

  test('a client without a user grant may not refresh', async () => {
    const machine = await ctx.h.createClient(['client_credentials']);
    const res = await refresh('whatever', {}, machine);
    assert.equal(res.json().error, 'unauthorized_client');
  });

  test('two concurrent uses of one refresh token: exactly one succeeds', async () => {
    const tokens = await ctx.h.passwordToken(client);
    const results = await Promise.all([refresh(tokens.refresh_token), refresh(tokens.refresh_token)]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.deepEqual(codes, [200, 400]);
  });

  test('a disabled user can no longer refresh', async () => {
    const userId = await ctx.h.createUser('refresher', 'refresher-password');
    const tokens = await ctx.h.passwordToken(client, 'refresher', 'refresher-password');
    await ctx.h.services.store.db.updateTable('users').set({ status: 'INACTIVE' }).where('id', '=', userId).execute();
    const res = await refresh(tokens.refresh_token);
    assert.equal(res.json().error, 'invalid_grant');
  });
});
