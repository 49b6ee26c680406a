import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore } from '../../src/storage/database.js';

export interface PostgresSchema {
  name: string;
  /** A DATABASE_URL whose connections use this schema (for the real binary). */
  url: string;
  drop(): Promise<void>;
}

async function run(url: string, statement: string): Promise<void> {
  const admin = openStore(url, { poolSize: 1 });
  try {
    await sql.raw(statement).execute(admin.db);
  } finally {
    await admin.close();
  }
}

/** A fresh schema of its own, so tests and processes run side by side in isolation. */
export async function createPostgresSchema(url: string, prefix: string): Promise<PostgresSchema> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await run(url, `create schema ${name}`);
  const separator = url.includes('?') ? '&' : '?';
  return {
    name,
    url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`,
    drop: () => run(url, `drop schema if exists ${name} cascade`),
  };
}
