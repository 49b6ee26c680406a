import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { createBearerStore } from '../../src/storage/bearer-store.js';
import { createClientStore } from '../../src/storage/client-store.js';
import { createTokenStore } from '../../src/storage/token-store.js';
import { createUserStore } from '../../src/storage/user-store.js';
import type { AccessTokenRecord } from '../../src/tokens/token-records.js';
import { contract } from './store-context.js';

contract('BearerRepository contract', (ctx) => {
  let clientId: number;
  let userId: number;
  const token = (id: string, extra: Partial<AccessTokenRecord> = {}): AccessTokenRecord => ({
    id, userId, clientId, name: null, scopes: ['view-users'], familyId: null, tokenHash: null, revoked: false, createdAt: 1000, expiresAt: 10_000, ...extra,
  });
  before(async () => {
    const clients = createClientStore(ctx.store.db, () => 7);
    clientId = (await clients.create({ name: 'bearer', grantTypes: ['password'], confidential: true, permissions: ['view-users'] }, 'sealed-secret')).id;
    userId = (await createUserStore(ctx.store.db, () => 7).create({ username: 'bea', email: 'bea@x', passwordHash: 'h' })).id;
  });

  test('a user token comes with its client and user, as their own stores read them', async () => {
    const tokens = createTokenStore(ctx.store.db);
    await tokens.saveIssued(token('user-token'));
    const subject = await createBearerStore(ctx.store.db).find({ id: 'user-token' });
    assert.deepEqual(subject, {
      token: await tokens.findAccessToken('user-token'),
      client: await createClientStore(ctx.store.db, () => 7).findById(clientId),
      user: await createUserStore(ctx.store.db, () => 7).findById(userId),
    });
    assert.equal(JSON.stringify(subject).includes('sealed-secret'), false, 'no client secret is read');
  });

  test("a client's own token has no user; an opaque token is found by its hash; unknown ones are undefined", async () => {
    const tokens = createTokenStore(ctx.store.db);
    await tokens.saveIssued(token('client-token', { userId: null }));
    await tokens.saveIssued(token('pat', { tokenHash: 'hash-of-pat', name: 'cli' }));
    const bearers = createBearerStore(ctx.store.db);
    const machine = await bearers.find({ id: 'client-token' });
    assert.equal(machine?.user, undefined);
    assert.equal(machine?.client.id, clientId);
    assert.equal((await bearers.find({ hash: 'hash-of-pat' }))?.token.id, 'pat');
    assert.equal(await bearers.find({ id: 'missing' }), undefined);
    assert.equal(await bearers.find({ hash: 'missing' }), undefined);
  });
});
