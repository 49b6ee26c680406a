import { after, before, describe } from 'node:test';
import { migrate } from '../../src/storage/migrate.js';
import type { Store } from '../../src/storage/database.js';
import { backends } from '../helpers/backends.js';

/** Runs a repository contract suite on every backend (and SQLite on a file) over a freshly migrated store. */
export function contract(title: string, body: (ctx: { store: Store }) => void): void {
  for (const backend of backends({ withSqliteFile: true })) {
    describe(`${title} [${backend.name}]`, () => {
      const ctx = {} as { store: Store };
      before(async () => {
        ctx.store = await backend.open();
        await migrate(ctx.store);
      });
      after(async () => ctx.store?.close());
      body(ctx);
    });
  }
}
