import assert from 'node:assert/strict';
import { test } from 'node:test';
import { purgeExpired } from '../../src/housekeeping/purge.js';
import { createClientStore } from '../../src/storage/client-store.js';
import { createUserStore } from '../../src/storage/user-store.js';
import { contract } from './store-context.js';

contract('purge of expired rows', (ctx) => {
  test('deletes only what has expired, and twice is harmless', async () => {
    const db = ctx.store.db;
    const client = await createClientStore(db, () => 1).create({ name: 'purge', grantTypes: ['password'], confidential: true }, null);
    const user = await createUserStore(db, () => 1).create({ username: 'p', email: 'p@x', passwordHash: 'h' });
    const now = 10_000;
    for (const [id, expiresAt] of [['old', now - 1], ['live', now + 1]] as const) {
      await db.insertInto('access_tokens').values({ id, user_id: user.id, client_id: client.id, name: null, scopes: '[]', family_id: 'f', token_hash: null, revoked: 0, created_at: 1, expires_at: expiresAt }).execute();
      await db.insertInto('refresh_tokens').values({ id: `r-${id}`, family_id: 'f', access_token_id: id, client_id: client.id, user_id: user.id, scopes: '[]', auth_time: null, revoked: 0, used_at: null, created_at: 1, expires_at: expiresAt }).execute();
      await db.insertInto('authorization_codes').values({ id: `c-${id}`, client_id: client.id, user_id: user.id, redirect_uri: 'https://x/cb', scopes: '[]', code_challenge: null, nonce: null, auth_time: 1, family_id: 'f', consumed_at: null, created_at: 1, expires_at: expiresAt }).execute();
      await db.insertInto('login_sessions').values({ id: `s-${id}`, user_id: user.id, auth_time: 1, csrf_token: 'x', created_at: 1, expires_at: expiresAt }).execute();
      await db.insertInto('throttle_counters').values({ key: `t-${id}`, hits: 1, reset_at: expiresAt }).execute();
    }
    const counts = await purgeExpired(db, now);
    assert.deepEqual(counts, { access_tokens: 1, refresh_tokens: 1, authorization_codes: 1, login_sessions: 1, throttle_counters: 1, signing_keys: 0 });
    assert.deepEqual((await db.selectFrom('access_tokens').select('id').execute()).map((r) => r.id), ['live']);
    assert.deepEqual((await db.selectFrom('login_sessions').select('id').execute()).map((r) => r.id), ['s-live']);
    const again = await purgeExpired(db, now);
    assert.ok(Object.values(again).every((n) => n === 0));
  });
});
