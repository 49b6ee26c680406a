import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import type { AuthorizationCode } from '../../src/codes/authorization-code.js';

/** Contract of the code, session and consent repositories, on every backend (STYLE §10). */
eachBackend('stores: codes, sessions, consents', (ctx) => {
  let userId: number;
  let clientId: number;
  before(async () => {
    userId = await ctx.h.createUser('store-user', 'store-user-password');
    clientId = (await ctx.h.createClient(['authorization_code'], { redirectUris: ['https://app.example/cb'] })).id;
  });

  const code = (id: string, expiresAt: number): AuthorizationCode => ({
    id, clientId, userId, redirectUri: 'https://app.example/cb', scopes: ['openid', '*'], codeChallenge: null, nonce: 'n',
    authTime: 1000, familyId: `family-${id}`, consumedAt: null, createdAt: 1, expiresAt,
  });

  test('codes: round trip; consume succeeds exactly once, even concurrently; expired codes cannot be consumed', async () => {
    const { codes } = ctx.h.services;
    await codes.save(code('c1', 10_000));
    assert.deepEqual(await codes.find('c1'), code('c1', 10_000));
    const results = await Promise.all(Array.from({ length: 5 }, () => codes.consume('c1', 5000)));
    assert.deepEqual(results.filter(Boolean).length, 1);
    assert.equal((await codes.find('c1'))?.consumedAt, 5000);
    await codes.save(code('c2', 10_000));
    assert.equal(await codes.consume('c2', 10_000), false, 'expires_at is exclusive');
    assert.equal(await codes.consume('missing', 1), false);
  });

  test('codes: saved and read together, each its own; a duplicate fails alone', async () => {
    const { codes } = ctx.h.services;
    const saved = await Promise.allSettled([codes.save(code('t1', 10_000)), codes.save(code('c1', 10_000)), codes.save(code('t2', 20_000))]);
    assert.deepEqual(saved.map((outcome) => outcome.status), ['fulfilled', 'rejected', 'fulfilled']);
    const found = await Promise.all(['t2', 'missing', 't1', 'c1'].map((id) => codes.find(id)));
    assert.deepEqual(found.map((one) => one?.expiresAt), [20_000, undefined, 10_000, 10_000]);
    assert.equal(found[3]?.consumedAt, 5000, 'the first c1, untouched');
  });

  test('codes: a replay mark is visible to every reader', async () => {
    const { codes } = ctx.h.services;
    await codes.save(code('c3', 10_000));
    assert.equal(await codes.wasReplayed('c3'), false);
    await codes.markReplayed('c3', 7);
    assert.equal(await codes.wasReplayed('c3'), true);
    assert.equal(await codes.wasReplayed('missing'), false);
  });

  test('sessions: found only while unexpired; deleted one by one or per user', async () => {
    const { sessions } = ctx.h.services;
    const session = { id: 's1', userId, authTime: 10, csrfToken: 'csrf', createdAt: 10, expiresAt: 100 };
    await sessions.create(session);
    await sessions.create({ ...session, id: 's2' });
    await sessions.create({ ...session, id: 's3' });
    assert.deepEqual(await sessions.findActive('s1', 99), session);
    assert.equal(await sessions.findActive('s1', 100), undefined);
    await sessions.delete('s1');
    assert.equal(await sessions.findActive('s1', 50), undefined);
    assert.ok(await sessions.findActive('s2', 50));
    await sessions.deleteForUser(userId);
    assert.equal(await sessions.findActive('s2', 50), undefined);
    assert.equal(await sessions.findActive('s3', 50), undefined);
  });

  test('consents: grants add up, revoke forgets, list per user', async () => {
    const { consents } = ctx.h.services;
    assert.equal(await consents.find(userId, clientId), undefined);
    await consents.grant(userId, clientId, ['openid', 'profile'], 1);
    await consents.grant(userId, clientId, ['profile', 'email'], 2);
    assert.deepEqual(await consents.find(userId, clientId), { userId, clientId, scopes: ['openid', 'profile', 'email'], createdAt: 2 });
    assert.deepEqual((await consents.listForUser(userId)).map((c) => c.clientId), [clientId]);
    assert.equal(await consents.revoke(userId, clientId), true);
    assert.equal(await consents.revoke(userId, clientId), false);
    assert.deepEqual(await consents.listForUser(userId), []);
  });
});
