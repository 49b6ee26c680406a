import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { openStore, type Store } from '../../src/storage/database.js';
import { prepared, preparedInsert, writeTogether } from '../../src/storage/prepared.js';
import { GroupCommitDriver, groupCommitDialect } from '../../src/storage/sqlite-group-commit.js';
import { isStoreUnavailable } from '../../src/storage/store-errors.js';
import { WalSync } from '../../src/storage/wal-sync.js';

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

  /** A transaction that has written and holds the connection until rolled back. */
  async function transactionInProgress() {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('items' as any).values({ name: 'rolled back' }).execute();
      await held;
      throw new Error('roll back');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { rollBack: () => (release(), transaction) };
  }

  test('prepared writes join the open group, but never a transaction in progress', async () => {
    const add = preparedInsert<{ name: string }>(store.db, 'items', ['name']);
    await Promise.all([add({ name: 'direct 1' }), add({ name: 'direct 2' })]);
    assert.deepEqual(committed(), ['direct 1', 'direct 2'], 'answered once committed');
    const doomed = await transactionInProgress();
    const kept = add({ name: 'kept' });
    await assert.rejects(doomed.rollBack(), /roll back/);
    await kept;
    assert.deepEqual(committed(), ['direct 1', 'direct 2', 'kept']);
    const results = await Promise.allSettled([add({ name: 'a' }), add({ name: 'kept' }), add({ name: 'b' })]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled'], 'a failing write fails only its caller');
    assert.deepEqual(committed(), ['direct 1', 'direct 2', 'kept', 'a', 'b']);
  });

  test('writes together are all written or none, fail only their caller, and wait for a transaction in progress', async () => {
    const add = preparedInsert<{ name: string }>(store.db, 'items', ['name']);
    await writeTogether(store.db, [add.bound({ name: 'pair 1' }), add.bound({ name: 'pair 2' })]);
    assert.deepEqual(committed(), ['pair 1', 'pair 2']);
    const [failed, alone] = await Promise.allSettled([writeTogether(store.db, [add.bound({ name: 'half' }), add.bound({ name: 'pair 1' })]), add({ name: 'alone' })]);
    assert.equal(failed.status, 'rejected');
    assert.equal(alone.status, 'fulfilled');
    assert.deepEqual(committed(), ['pair 1', 'pair 2', 'alone'], 'nothing of the failed pair');
    const doomed = await transactionInProgress();
    const after = writeTogether(store.db, [add.bound({ name: 'after 1' }), add.bound({ name: 'after 2' })]);
    await assert.rejects(doomed.rollBack(), /roll back/);
    await after;
    assert.deepEqual(committed(), ['pair 1', 'pair 2', 'alone', 'after 1', 'after 2']);
  });

  test('a savepoint that changes many pages keeps its journal in memory, not in a temporary file', { skip: !existsSync('/proc/self/fd') && 'needs /proc' }, async () => {
    const add = preparedInsert<{ name: string }>(store.db, 'items', ['name']);
    await writeTogether(store.db, Array.from({ length: 2000 }, (_, i) => add.bound({ name: `${i}`.padStart(200, 'x') })));
    const temporaryFiles = () => readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return /etilqs_/.test(readlinkSync(`/proc/self/fd/${fd}`)) ? [fd] : [];
      } catch {
        return [];
      }
    });
    const during = await store.db.transaction().execute(async (trx) => {
      await sql`update items set name = name || 'y'`.execute(trx);
      return temporaryFiles();
    });
    assert.deepEqual(during, [], 'SQLite opened a temporary file for the savepoint journal');
    assert.equal(committed().filter((name) => name.endsWith('y')).length, 2000);
  });

  test('closing the store commits what is pending', async () => {
    const pending = insert('last');
    await store.close();
    await pending;
    assert.deepEqual(committed(), ['last']);
    store = openStore(`sqlite:${file}`);
  });
});

// The WAL fsync after each commit (src/storage/wal-sync.ts), with the fsync held by the test.
describe('SQLite group commit: the WAL fsync', () => {
  let dir: string;
  let db: Kysely<any>;
  let observer: SQLite.Database;
  const syncs: { resolve(): void; reject(error: Error): void }[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-wal-sync-'));
    const file = join(dir, 'test.db');
    const writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = NORMAL');
    writer.exec('create table items (id integer primary key, name text not null)');
    const heldSync = () => new Promise<void>((resolve, reject) => void syncs.push({ resolve, reject }));
    db = new Kysely({ dialect: groupCommitDialect(new GroupCommitDriver(writer, new SQLite(file, { readonly: true }), new WalSync(file, heldSync))) });
    observer = new SQLite(file, { readonly: true });
  });
  afterEach(async () => {
    for (const sync of syncs.splice(0)) sync.resolve();
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (name: string) => db.insertInto('items').values({ name }).execute();
  const committed = () => (observer.prepare('select name from items order by id').all() as { name: string }[]).map((r) => r.name);
  const until = async (condition: () => boolean) => {
    for (let i = 0; !condition(); i++) {
      assert.ok(i < 2000, 'timed out');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };

  test('a write is answered only once the fsync after its commit returns; writes meanwhile form the next group', async () => {
    let answered = false;
    const first = insert('first').then(() => (answered = true));
    await until(() => syncs.length === 1);
    assert.deepEqual(committed(), ['first'], 'committed to the WAL');
    assert.equal(answered, false, 'not answered before the fsync');
    const next = [insert('second'), insert('third')];
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(committed(), ['first'], 'the next group waits for the sync in flight');
    syncs[0].resolve();
    await first;
    await until(() => syncs.length === 2);
    assert.deepEqual(committed(), ['first', 'second', 'third'], 'one commit for both');
    syncs[1].resolve();
    await Promise.all(next);
    assert.equal(syncs.length, 2);
  });

  test('a failed fsync fails its writers and every later write with a disk I/O error (503)', async () => {
    const write = insert('maybe lost');
    await until(() => syncs.length === 1);
    syncs[0].reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await assert.rejects(write, (error: Error) => isStoreUnavailable(error) && /could not be synced/.test(error.message));
    await assert.rejects(insert('later'), (error: Error) => isStoreUnavailable(error));
    assert.deepEqual((await db.selectFrom('items').select('name').execute()).length, 1, 'reads still work');
  });
});
