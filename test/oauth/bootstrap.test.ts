import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bootstrap } from '../../src/bootstrap.js';
import { eachBackend } from '../helpers/each-backend.js';

eachBackend('first start', (ctx) => {
  test('creates built-in clients 1 and 2, so the first admin-created client is 3', async () => {
    const console = await ctx.h.services.clients.findById(1);
    assert.equal(console?.name, 'Gatehouse Console');
    assert.equal(console?.confidential, false);
    assert.equal(console?.requirePkce, true);
    assert.deepEqual(console?.grantTypes, ['authorization_code']);
    assert.equal((await ctx.h.services.clients.findById(2))?.name, 'Personal Access Client');
    const { client } = await ctx.h.services.clientService.create({ name: 'Password Grant', grantTypes: ['password'], confidential: true }, { actor: null });
    assert.equal(client.id, 3);
  });

  test('creates the administrator with every permission', async () => {
    const found = await ctx.h.services.users.findForLogin('admin');
    assert.equal(found?.user.isAdministrator, true);
    assert.match(found!.passwordHash, /^\$argon2id\$/);
  });

  test('creates signing keys whose private parts are encrypted at rest', async () => {
    const rows = await ctx.h.services.store.db.selectFrom('signing_keys').selectAll().execute();
    assert.deepEqual(rows.map((r) => r.alg).sort(), ['ES256', 'RS256']);
    for (const row of rows) {
      assert.match(row.private_key, /^enc:v1:/);
      assert.doesNotMatch(row.private_key, /PRIVATE KEY/);
    }
  });

  test('a second start changes nothing', async () => {
    const snapshot = async () => {
      const db = ctx.h.services.store.db;
      return {
        clients: await db.selectFrom('oauth_clients').selectAll().orderBy('id').execute(),
        users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
        keys: await db.selectFrom('signing_keys').selectAll().orderBy('kid').execute(),
        permissions: await db.selectFrom('permissions').selectAll().orderBy('id').execute(),
      };
    };
    const before = await snapshot();
    const result = await bootstrap(ctx.h.services);
    assert.deepEqual(result.migrations, []);
    assert.deepEqual(result.createdKeys, []);
    assert.equal(result.adminCreated, false);
    assert.equal(result.generatedAdminPassword, undefined);
    assert.deepEqual(await snapshot(), before);
  });
});
