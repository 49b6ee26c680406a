import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createAuditStore } from '../../src/storage/audit-store.js';
import { createClientStore } from '../../src/storage/client-store.js';
import { createTokenStore } from '../../src/storage/token-store.js';
import { createUserStore } from '../../src/storage/user-store.js';
import type { AccessTokenRecord, RefreshTokenRecord } from '../../src/tokens/token-records.js';
import { contract } from './store-context.js';

contract('TokenRepository contract', (ctx) => {
  let clientId: number;
  let userId: number;
  const tokens = () => createTokenStore(ctx.store.db, ctx.store.dialect);
  const access = (id: string, extra: Partial<AccessTokenRecord> = {}): AccessTokenRecord => ({
    id, userId, clientId, name: null, scopes: ['*'], familyId: null, tokenHash: null, revoked: false, createdAt: 1000, expiresAt: 10_000, ...extra,
  });
  const refresh = (id: string, familyId: string, accessTokenId: string): RefreshTokenRecord => ({
    id, familyId, accessTokenId, clientId, userId, scopes: ['*'], authTime: 5, revoked: false, usedAt: null, createdAt: 1000, expiresAt: 10_000,
  });
  before(async () => {
    clientId = (await createClientStore(ctx.store.db, () => 1).create({ name: 'tokens', grantTypes: ['password'], confidential: true }, null)).id;
    userId = (await createUserStore(ctx.store.db, () => 1).create({ username: 'u', email: 'u@x', passwordHash: 'h' })).id;
  });

  test('saveIssued stores both tokens; find returns them as saved', async () => {
    await tokens().saveIssued(access('a1', { familyId: 'f1' }), refresh('r1', 'f1', 'a1'));
    assert.deepEqual(await tokens().findAccessToken('a1'), access('a1', { familyId: 'f1' }));
    assert.deepEqual(await tokens().findRefreshToken('r1'), refresh('r1', 'f1', 'a1'));
    assert.equal(await tokens().findAccessToken('missing'), undefined);
  });

  test('refresh tokens asked for together each get their own row', async () => {
    await tokens().saveIssued(access('a8', { familyId: 'f8' }), refresh('r8', 'f8', 'a8'));
    const store = tokens();
    const found = await Promise.all(['r8', 'r1', 'missing', 'r8'].map((id) => store.findRefreshToken(id)));
    assert.deepEqual(found.map((token) => token?.accessTokenId), ['a8', 'a1', undefined, 'a8']);
  });

  test('a failed saveIssued leaves nothing behind', async () => {
    await assert.rejects(tokens().saveIssued(access('a2'), refresh('r1', 'f2', 'a2')));
    assert.equal(await tokens().findAccessToken('a2'), undefined);
  });

  test('saveIssued writes the audit event of an issuance with the tokens, or neither', async () => {
    const audit = createAuditStore(ctx.store.db);
    const event = (id: string) => ({ event: 'oauth.token_issued', actor: null, target: { type: 'token', id }, ip: null, userAgent: null, details: {}, createdAt: 1000 });
    const recorded = async (id: string) => (await audit.list({ targetId: id }, { offset: 0, limit: 10 })).total;
    await tokens().saveIssued(access('a5', { familyId: 'f5' }), refresh('r5', 'f5', 'a5'), event('a5'));
    await tokens().saveIssued(access('a6'), undefined, event('a6'));
    assert.equal(await recorded('a5'), 1);
    assert.equal(await recorded('a6'), 1);
    assert.equal((await tokens().findAccessToken('a6'))?.id, 'a6');
    // An access token id already taken: the event of the failed issuance is not kept either.
    await assert.rejects(tokens().saveIssued(access('a6'), undefined, event('a6-again')));
    await assert.rejects(tokens().saveIssued(access('a7'), refresh('r5', 'f7', 'a7'), event('a7')));
    assert.equal(await recorded('a6-again'), 0);
    assert.equal(await recorded('a7'), 0);
    assert.equal(await tokens().findAccessToken('a7'), undefined);
  });

  test('issuances saved together each succeed or fail on their own', async () => {
    const audit = createAuditStore(ctx.store.db);
    const event = (id: string) => ({ event: 'oauth.token_issued', actor: null, target: { type: 'token', id }, ip: null, userAgent: null, details: {}, createdAt: 1000 });
    const store = tokens();
    const outcomes = await Promise.allSettled([
      store.saveIssued(access('t1')),
      store.saveIssued(access('t2', { familyId: 'ft2' }), refresh('rt2', 'ft2', 't2'), event('t2')),
      // A refresh token id already taken (r1, the first test's): this issuance fails alone.
      store.saveIssued(access('t3', { familyId: 'ft3' }), refresh('r1', 'ft3', 't3'), event('t3')),
      store.saveIssued(access('t4')),
    ]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    for (const id of ['t1', 't2', 't4']) assert.equal((await tokens().findAccessToken(id))?.id, id);
    assert.equal((await tokens().findRefreshToken('rt2'))?.accessTokenId, 't2');
    assert.equal(await tokens().findAccessToken('t3'), undefined);
    assert.equal((await audit.list({ targetId: 't2' }, { offset: 0, limit: 10 })).total, 1);
    assert.equal((await audit.list({ targetId: 't3' }, { offset: 0, limit: 10 })).total, 0);
  });

  test('consumeRefreshToken succeeds once, never for expired or revoked tokens', async () => {
    await tokens().saveIssued(access('a3', { familyId: 'f3' }), refresh('r3', 'f3', 'a3'));
    await tokens().saveIssued(access('a3b', { familyId: 'f3b' }), refresh('r3b', 'f3b', 'a3b'));
    // Asked for together of one store (one turn) and of two (two instances): used once each.
    const store = tokens();
    const results = await Promise.all([
      store.consumeRefreshToken('r3', 2000),
      store.consumeRefreshToken('r3b', 2000),
      store.consumeRefreshToken('r3', 2000),
      tokens().consumeRefreshToken('r3', 2000),
      store.consumeRefreshToken('missing', 2000),
    ]);
    assert.equal(results[1], true);
    assert.equal(results[4], false);
    assert.deepEqual([results[0], results[2], results[3]].sort(), [false, false, true]);
    assert.equal((await tokens().findRefreshToken('r3'))?.usedAt, 2000);
    await tokens().saveIssued(access('a4', { familyId: 'f4' }), refresh('r4', 'f4', 'a4'));
    assert.equal(await tokens().consumeRefreshToken('r4', 20_000), false, 'expired');
    await tokens().revokeFamily('f4');
    assert.equal(await tokens().consumeRefreshToken('r4', 2000), false, 'revoked');
    assert.equal((await tokens().findAccessToken('a4'))?.revoked, true);
    assert.equal((await tokens().findRefreshToken('r4'))?.revoked, true);
  });

  test('revokeMatching filters by client, user and time, and leaves others alone', async () => {
    await tokens().saveIssued(access('old', { createdAt: 100 }));
    await tokens().saveIssued(access('new', { createdAt: 5000 }));
    assert.equal(await tokens().revokeMatching({ userId, issuedAfter: 4000 }), 1);
    assert.equal((await tokens().findAccessToken('old'))?.revoked, false);
    assert.equal((await tokens().findAccessToken('new'))?.revoked, true);
  });

  test('personal access tokens are listed for their user', async () => {
    await tokens().saveIssued(access('pat1', { tokenHash: 'hash-1', name: 'script' }));
    assert.deepEqual((await tokens().listPersonalTokens(userId)).map((t) => t.name), ['script']);
  });
});
