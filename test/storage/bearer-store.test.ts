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
    const subject = await createBearerStore(ctx.store.db, ctx.store.dialect).find({ id: 'user-token' });
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
    const bearers = createBearerStore(ctx.store.db, ctx.store.dialect);
    const machine = await bearers.find({ id: 'client-token' });
    assert.equal(machine?.user, undefined);
    assert.equal(machine?.client.id, clientId);
    assert.equal((await bearers.find({ hash: 'hash-of-pat' }))?.token.id, 'pat');
    assert.equal(await bearers.find({ id: 'missing' }), undefined);
    assert.equal(await bearers.find({ hash: 'missing' }), undefined);
  });

  test('checks asked for together each get their own subject, as read after they were asked', async () => {
    const tokens = createTokenStore(ctx.store.db);
    for (const id of ['together-1', 'together-2', 'together-3']) await tokens.saveIssued(token(id, { scopes: [id] }));
    await ctx.store.db.updateTable('access_tokens').set({ revoked: 1 }).where('id', '=', 'together-2').execute();
    const bearers = createBearerStore(ctx.store.db, ctx.store.dialect);
    const found = await Promise.all(['together-1', 'together-2', 'missing', 'together-3', 'together-1'].map((id) => bearers.find({ id })));
    assert.deepEqual(found.map((subject) => subject && [subject.token.id, subject.token.scopes[0], subject.token.revoked, subject.user?.id]), [
      ['together-1', 'together-1', false, userId],
      ['together-2', 'together-2', true, userId],
      undefined,
      ['together-3', 'together-3', false, userId],
      ['together-1', 'together-1', false, userId],
    ]);
  });
});

contract('BearerRepository: what a check found is never served after it changed', (ctx) => {
  let clientId: number;
  let userId: number;
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  before(async () => {
    clientId = (await createClientStore(ctx.store.db, () => 7).create({ name: 'fresh', grantTypes: ['password'], confidential: true }, 'sealed')).id;
    userId = (await createUserStore(ctx.store.db, () => 7).create({ username: 'fresh', email: 'fresh@x', passwordHash: 'h' })).id;
  });
  const issue = (id: string) =>
    createTokenStore(ctx.store.db).saveIssued({ id, userId, clientId, name: null, scopes: [], familyId: null, tokenHash: null, revoked: false, createdAt: 1, expiresAt: 9e15 });

  // Each change is made by SQL of its own, as another process or an operator would.
  const changes = [
    { what: 'the token revoked', sql: (id: string) => ctx.store.db.updateTable('access_tokens').set({ revoked: 1 }).where('id', '=', id), seen: (s: any) => s?.token.revoked === true },
    { what: 'the token deleted', sql: (id: string) => ctx.store.db.deleteFrom('access_tokens').where('id', '=', id), seen: (s: any) => s === undefined },
    { what: 'the user deactivated', sql: () => ctx.store.db.updateTable('users').set({ status: 'INACTIVE' }).where('id', '=', userId), seen: (s: any) => s?.user.status === 'INACTIVE' },
    { what: 'the client revoked', sql: () => ctx.store.db.updateTable('oauth_clients').set({ revoked: 1 }).where('id', '=', clientId), seen: (s: any) => s?.client.revoked === true },
  ];
  test('a cached subject is frozen: no caller can change what the next one gets', async () => {
    await issue('frozen');
    const bearers = createBearerStore(ctx.store.db, ctx.store.dialect);
    const first = (await bearers.find({ id: 'frozen' }))!;
    if (Object.isFrozen(first)) {
      assert.throws(() => ((first.user as any).status = 'INACTIVE'));
      assert.throws(() => (first.token.scopes as string[]).push('x'));
    }
    assert.equal((await bearers.find({ id: 'frozen' }))!.user!.status, 'ACTIVE');
  });

  test('on SQLite the auth generation moves on updates and deletes, not on inserts; PostgreSQL caches nothing and has no triggers', async () => {
    const generation = async () => Number((await ctx.store.db.selectFrom('cache_generations').select('value').where('name', '=', 'auth').executeTakeFirstOrThrow()).value);
    const start = await generation();
    await issue('counted');
    assert.equal(await generation(), start);
    await ctx.store.db.updateTable('users').set({ firstname: 'F' }).where('id', '=', userId).execute();
    if (ctx.store.dialect === 'sqlite') assert.ok((await generation()) > start);
    else assert.equal(await generation(), start);
  });

  for (const [i, change] of changes.entries()) {
    test(`${change.what}`, async () => {
      const id = `fresh-${i}`;
      await issue(id);
      const bearers = createBearerStore(ctx.store.db, ctx.store.dialect);
      for (let n = 0; n < 3; n++) {
        assert.equal(change.seen(await bearers.find({ id })), false);
        await turn();
      }
      await change.sql(id).execute();
      assert.equal(change.seen(await bearers.find({ id })), true);
    });
  }

});
