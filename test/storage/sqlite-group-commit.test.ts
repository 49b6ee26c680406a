import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/storage/database.js';
import { prepared } from '../../src/storage/prepared.js';

// SQLite group commit (src/storage/sqlite-group-commit.ts): concurrent writes share one
// commit, and no caller hears "written" before the commit that holds its write.
describe('SQLite group commit [file]', () => {
  let dir: string;
  let file: string;
  let store: Store;
  /** An independent connection: sees only what was committed. */
  let observer: SQLite.Database;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-group-commit-'));
    file = join(dir, 'test.db');
    store = openStore(`sqlite:${file}`);
    await sql`create table items (id integer primary key, name text not null unique)`.execute(store.db);
    observer = new SQLite(file, { readonly: true });
  });
  afterEach(async () => {
    observer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = () => (observer.prepare('select name from items order by id').all() as { name: string }[]).map((r) => r.name);
  const insert = (name: string) => store.db.insertInto('items' as any).values({ name }).execute();

  test('a write resolves only once it is committed, and concurrent writes commit together', async () => {
    const writes = Array.from({ length: 50 }, (_, i) => insert(`item ${i}`));
    assert.deepEqual(committed(), [], 'nothing is visible before the group commits');
    await Promise.all(writes);
    assert.equal(committed().length, 50);
  });

  test('a failing write fails only its caller', async () => {
    await insert('taken');
    const results = await Promise.allSettled([insert('a'), insert('taken'), insert('b')]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.deepEqual(committed(), ['taken', 'a', 'b']);
  });

  test('a rolled-back transaction leaves the rest of its group intact', async () => {
    const results = await Promise.allSettled([
      insert('before'),
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('items' as any).values({ name: 'inside' }).execute();
        throw new Error('changed my mind');
      }),
      store.db.transaction().execute((trx) => trx.insertInto('items' as any).values({ name: 'kept' }).execute()),
      insert('after'),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    assert.deepEqual(committed(), ['before', 'kept', 'after']);
  });

  test('reads outside transactions see committed data only; transactions read their own writes', async () => {
    await insert('old');
    const pending = insert('new');
    const outside = await store.db.selectFrom('items' as any).select('name').execute();
    assert.deepEqual(outside.map((r: any) => r.name), ['old']);
    await pending;
    const inside = await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('items' as any).values({ name: 'newer' }).execute();
      return trx.selectFrom('items' as any).select('name').execute();
    });
    assert.deepEqual(inside.map((r: any) => r.name), ['old', 'new', 'newer']);
  });

  test('reads in one turn share a snapshot that our own commits end at once', async () => {
    const names = async () => (await store.db.selectFrom('items' as any).select('name').execute()).map((r: any) => r.name);
    await insert('first');
    assert.deepEqual(await names(), ['first']);
    // Same turn, no await on I/O in between: our write is visible as soon as it resolves.
    await insert('second');
    assert.deepEqual(await names(), ['first', 'second']);

    // Another process's commit shows from the next turn on, never later.
    const other = new SQLite(file);
    try {
      assert.deepEqual(await names(), ['first', 'second']);
      other.prepare('insert into items (name) values (?)').run('from another process');
      assert.deepEqual(await names(), ['first', 'second'], 'the rest of the turn keeps its snapshot');
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(await names(), ['first', 'second', 'from another process']);
    } finally {
      other.close();
    }
  });

  test('prepared reads skip the executor yet see exactly what other reads see', async () => {
    const byName = prepared(store.db, (name: string) => store.db.selectFrom('items' as any).select('name').where('name', '=', name));
    await insert('committed');
    assert.deepEqual((await byName('committed')).rows, [{ name: 'committed' }]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('items' as any).values({ name: 'in progress' }).execute();
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual((await byName('in progress')).rows, [], 'a transaction in progress is invisible');
    release();
    await transaction;
    assert.deepEqual((await byName('in progress')).rows, [{ name: 'in progress' }]);
    await store.close();
    await assert.rejects(byName('committed'), /closed/);
    store = openStore(`sqlite:${file}`);
  });

  test('closing the store commits what is pending', async () => {
    const pending = insert('last');
    await store.close();
    await pending;
    assert.deepEqual(committed(), ['last']);
    store = openStore(`sqlite:${file}`);
  });
});
