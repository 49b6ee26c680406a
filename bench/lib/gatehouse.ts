// A Gatehouse bench server (bench/server.ts) on a fresh database, as bench/run.ts starts it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BenchOptions } from './options.js';
import { freePort, PINNING, startServer } from './processes.js';
import type { Seed } from './scenario.js';

/** A fresh database: a temporary SQLite file, or a new schema in BENCH_DATABASE_URL. */
async function freshDatabase(opts: Pick<BenchOptions, 'databaseUrl'>): Promise<{ env: NodeJS.ProcessEnv; dialect: 'sqlite' | 'postgres'; drop(): Promise<void> }> {
  if (!opts.databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
    return { env: { DATABASE_URL: `sqlite:${join(dir, 'gatehouse.db')}` }, dialect: 'sqlite', drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    env: { DATABASE_URL: opts.databaseUrl, BENCH_PG_SCHEMA: schema },
    dialect: 'postgres',
    async drop() {
      const client = new pg.Client({ connectionString: opts.databaseUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/** A Gatehouse bench server on a fresh database, pinned to the server core. */
export async function startGatehouse(opts: Pick<BenchOptions, 'databaseUrl' | 'clients'>) {
  const database = await freshDatabase(opts);
  const port = await freePort();
  const server = await startServer<Seed>('server.ts', {
    cores: PINNING?.server,
    env: {
      ...database.env,
      PORT: String(port),
      GATEHOUSE_ISSUER: `http://127.0.0.1:${port}`,
      GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'),
      GATEHOUSE_ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
      THROTTLE_MAX_FAILURES: '10000',
      LOG_LEVEL: 'warn',
      BENCH_CLIENTS: String(opts.clients),
    },
  });
  return {
    server,
    dialect: database.dialect,
    seed: { ...server.ready, pid: server.child.pid } as Seed,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
export type Gatehouse = Awaited<ReturnType<typeof startGatehouse>>;

