import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAuditStore } from '../../src/storage/audit-store.js';
import { createCounterStore } from '../../src/storage/counter-store.js';
import { createUserStore } from '../../src/storage/user-store.js';
import { UniqueViolation } from '../../src/shared/validation-error.js';
import { contract } from './store-context.js';

contract('CounterStore, AuditRepository and UserRepository contracts', (ctx) => {
  test('counters count within a window and restart after it', async () => {
    const counters = createCounterStore(ctx.store.db, ctx.store.dialect);
    assert.deepEqual(await counters.hit('k', 1000, 0), { hits: 1, resetAt: 1000 });
    assert.deepEqual(await counters.hit('k', 1000, 500), { hits: 2, resetAt: 1000 });
    assert.deepEqual(await counters.peek('k', 600), { hits: 2, resetAt: 1000 });
    assert.equal(await counters.peek('k', 1000), undefined);
    assert.deepEqual(await counters.hit('k', 1000, 1500), { hits: 1, resetAt: 2500 });
    const racing = await Promise.all(Array.from({ length: 10 }, () => counters.hit('race', 1000, 0)));
    assert.deepEqual(racing.map((r) => r.hits).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await counters.clear('k');
    assert.equal(await counters.peek('k', 1600), undefined);
  });

  test('a peeked counter, present or absent, is never served after another instance changed it', async () => {
    const counters = createCounterStore(ctx.store.db, ctx.store.dialect);
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    for (let n = 0; n < 2; n++, await turn()) assert.equal(await counters.peek('elsewhere', 0), undefined);
    await createCounterStore(ctx.store.db, ctx.store.dialect).hit('elsewhere', 1000, 0);
    assert.deepEqual(await counters.peek('elsewhere', 0), { hits: 1, resetAt: 1000 });
    await turn();
    await ctx.store.db.updateTable('throttle_counters').set({ hits: 9 }).execute();
    assert.deepEqual(await counters.peek('elsewhere', 0), { hits: 9, resetAt: 1000 });
    await turn();
    await ctx.store.db.deleteFrom('throttle_counters').execute();
    assert.equal(await counters.peek('elsewhere', 0), undefined);
  });

  test('counters peeked together each get their own', async () => {
    const counters = createCounterStore(ctx.store.db, ctx.store.dialect);
    await counters.hit('together-a', 1000, 0);
    await counters.hit('together-b', 2000, 0);
    await counters.hit('together-b', 2000, 0);
    const peeked = await Promise.all(['together-b', 'together-none', 'together-a'].map((key) => counters.peek(key, 10)));
    assert.deepEqual(peeked, [{ hits: 2, resetAt: 2000 }, undefined, { hits: 1, resetAt: 1000 }]);
  });

  test('audit events are listed newest first and filtered', async () => {
    const audit = createAuditStore(ctx.store.db);
    for (let i = 0; i < 5; i++) {
      await audit.append({ event: i % 2 ? 'a.odd' : 'a.even', actor: { type: 'user', id: String(i) }, target: null, ip: '127.0.0.1', userAgent: 'ua', details: { i }, createdAt: 1000 + i });
    }
    const page = await audit.list({}, { offset: 0, limit: 2 });
    assert.equal(page.total, 5);
    assert.deepEqual(page.events.map((e) => e.details.i), [4, 3]);
    assert.equal((await audit.list({ event: 'a.odd' }, { offset: 0, limit: 10 })).total, 2);
    assert.equal((await audit.list({ actorId: '3' }, { offset: 0, limit: 10 })).events[0].event, 'a.odd');
    assert.equal((await audit.list({ from: 1002, to: 1003 }, { offset: 0, limit: 10 })).total, 2);
  });

  test('users: unique username and email, login by either', async () => {
    const users = createUserStore(ctx.store.db, () => 7, ctx.store.dialect);
    const user = await users.create({ username: 'Jane', email: 'jane@example.test', passwordHash: 'h1' });
    await assert.rejects(users.create({ username: 'Jane', email: 'other@example.test', passwordHash: 'h' }), UniqueViolation);
    await assert.rejects(users.create({ username: 'other', email: 'jane@example.test', passwordHash: 'h' }), UniqueViolation);
    assert.equal((await users.findForLogin('Jane'))?.user.id, user.id);
    assert.equal((await users.findForLogin('JANE@example.test'))?.user.id, user.id);
    assert.equal(await users.findForLogin('nobody'), undefined);
    await users.setPasswordHash(user.id, 'h2');
    assert.equal((await users.findForLogin('Jane'))?.passwordHash, 'h2');
  });

  test('users asked for together by id each get their own', async () => {
    const users = createUserStore(ctx.store.db, () => 7, ctx.store.dialect);
    const ann = await users.create({ username: 'ann', email: 'ann@example.test', passwordHash: 'h' });
    const bob = await users.create({ username: 'bob', email: 'bob@example.test', passwordHash: 'h' });
    const found = await Promise.all([bob.id, ann.id, bob.id + 1000, bob.id].map((id) => users.findById(id)));
    assert.deepEqual(found.map((user) => user?.username), ['bob', 'ann', undefined, 'bob']);
    assert.deepEqual(found[1], ann);
  });
});
