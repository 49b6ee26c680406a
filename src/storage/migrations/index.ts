import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../dialect.js';
import * as initial from './001-initial.js';
import * as authorizeCodeReplay from './003-authorize-code-replay.js';
import * as accessTokenIndexes from './004-access-token-indexes.js';
import * as cacheGenerations from './005-cache-generations.js';

type DialectMigration = { up(db: Kysely<any>, dialect: DialectName): Promise<void> };

/** Ordered by name; add a file and a line here, never edit a migration that has shipped. */
const MIGRATIONS: Record<string, DialectMigration> = {
  '001-initial': initial,
  '003-authorize-code-replay': authorizeCodeReplay,
  '004-access-token-indexes': accessTokenIndexes,
  '005-cache-generations': cacheGenerations,
};

export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]) => [name, { up: (db: Kysely<any>) => m.up(db, dialect) }]),
  );
}
