import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UniqueViolation } from '../../src/shared/validation-error.js';
import { createClientStore } from '../../src/storage/client-store.js';
import { contract } from './store-context.js';

const now = () => 1_800_000_000_000;

contract('ClientRepository contract', (ctx) => {
  const clients = () => createClientStore(ctx.store.db, now, ctx.store.dialect);

  test('create assigns increasing integer ids and round-trips every field', async () => {
    const a = await clients().create({ name: 'A', grantTypes: ['password'], confidential: true, redirectUris: ['https://a.example/cb'], permissions: ['view-users'] }, 'enc:v1:x');
    const b = await clients().create({ name: 'B', grantTypes: ['authorization_code'], confidential: false }, null);
    assert.equal(b.id, a.id + 1);
    assert.deepEqual(await clients().findById(a.id), a);
    assert.deepEqual(a.grantTypes, ['password']);
    assert.deepEqual(a.redirectUris, ['https://a.example/cb']);
    assert.deepEqual(a.permissions, ['view-users']);
    assert.equal(a.confidential, true);
    assert.equal(b.requirePkce, true, 'public clients require PKCE by default');
    assert.equal(a.createdAt, now());
  });

  test('names are unique, on create and on update', async () => {
    await assert.rejects(clients().create({ name: 'A', grantTypes: ['password'], confidential: true }, null), UniqueViolation);
    const c = await clients().create({ name: 'C', grantTypes: ['password'], confidential: true }, null);
    await assert.rejects(clients().update(c.id, { name: 'A' }), UniqueViolation);
    assert.equal((await clients().findById(c.id))?.name, 'C');
  });

  test('secrets: set with and without a previous one', async () => {
    const d = await clients().create({ name: 'D', grantTypes: ['password'], confidential: true }, 'one');
    await clients().setSecret(d.id, 'two', { secret: 'one', expiresAt: 5 });
    assert.deepEqual(await clients().findSecrets(d.id), { secret: 'two', previousSecret: 'one', previousSecretExpiresAt: 5 });
    await clients().setSecret(d.id, 'three', null);
    assert.deepEqual(await clients().findSecrets(d.id), { secret: 'three', previousSecret: null, previousSecretExpiresAt: null });
    assert.equal(await clients().findSecrets(99_999), undefined);
    assert.deepEqual(await clients().findWithSecrets(d.id), { client: await clients().findById(d.id), secrets: await clients().findSecrets(d.id) });
    assert.equal(await clients().findWithSecrets(99_999), undefined);
  });

  test('client authentications asked for together each get their own client and secrets', async () => {
    const first = await clients().create({ name: 'together 1', grantTypes: ['password'], confidential: true }, 'secret 1');
    const second = await clients().create({ name: 'together 2', grantTypes: ['client_credentials'], confidential: true }, 'secret 2');
    const store = clients();
    const found = await Promise.all([second.id, 99_999, first.id, second.id].map((id) => store.findWithSecrets(id)));
    assert.deepEqual(found.map((one) => one && [one.client.name, one.secrets.secret]), [['together 2', 'secret 2'], undefined, ['together 1', 'secret 1'], ['together 2', 'secret 2']]);
  });

  test('update changes only the given fields; unknown ids give undefined', async () => {
    const e = await clients().create({ name: 'E', grantTypes: ['password'], confidential: true }, null);
    const updated = await clients().update(e.id, { redirectUris: ['https://e.example/cb'], revoked: true });
    assert.equal(updated?.name, 'E');
    assert.deepEqual(updated?.redirectUris, ['https://e.example/cb']);
    assert.equal(updated?.revoked, true);
    assert.equal(await clients().update(99_999, { name: 'Z' }), undefined);
  });

  test('delete removes the client and cascades to its tokens', async () => {
    const f = await clients().create({ name: 'F', grantTypes: ['client_credentials'], confidential: true }, null);
    await ctx.store.db.insertInto('access_tokens').values({ id: 'jti-f', user_id: null, client_id: f.id, name: null, scopes: '[]', family_id: null, token_hash: null, revoked: 0, created_at: 1, expires_at: 2 }).execute();
    assert.equal(await clients().delete(f.id), true);
    assert.equal(await clients().findById(f.id), undefined);
    const tokens = await ctx.store.db.selectFrom('access_tokens').selectAll().where('id', '=', 'jti-f').execute();
    assert.equal(tokens.length, 0);
    assert.equal(await clients().delete(f.id), false);
  });

  test('pages carry the total, follow the order, and past the last one are empty', async () => {
    for (const name of ['page-c', 'page-a', 'page-b']) await clients().create({ name, grantTypes: ['password'], confidential: true }, null);
    const page = (q: Partial<Parameters<ReturnType<typeof clients>['page']>[0]>) => clients().page({ search: 'page-', orderBy: 'name', direction: 'asc', offset: 0, limit: 2, ...q });
    const first = await page({});
    assert.deepEqual(first.items.map((c) => c.name), ['page-a', 'page-b']);
    assert.equal(first.total, 3);
    assert.deepEqual(first.items[0], await clients().findById(first.items[0]!.id));
    const last = await page({ direction: 'desc', offset: 2 });
    assert.deepEqual(last.items.map((c) => c.name), ['page-a']);
    assert.equal(last.total, 3);
    const byId = await page({ orderBy: 'id', direction: 'desc', limit: 3 });
    assert.deepEqual(byId.items.map((c) => c.name), ['page-b', 'page-a', 'page-c']);
    assert.deepEqual(await page({ offset: 10 }), { total: 3, items: [] });
    assert.deepEqual(await page({ search: 'no such client' }), { total: 0, items: [] });
  });
});
