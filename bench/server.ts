// Gatehouse as `gatehouse serve` runs it (loadConfig → openStore → createServices →
// bootstrap → buildApp → listen), plus the bench's seed data. Talks to bench/run.ts over IPC.
// It runs the compiled server in dist/, as `gatehouse serve` does (`npm run bench` builds it
// first): under tsx every closure made per request also pays esbuild's name-keeping helper.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { NewClient } from '../src/clients/client.js';
import type { Services } from '../src/services.js';
import type { Seed } from './lib/scenario.js';

// The compiled modules, typed by their sources (dist/ carries no declaration files).
const dist = <M>(path: string): Promise<M> => import(new URL(`../dist/${path}`, import.meta.url).href);
const { buildApp } = await dist<typeof import('../src/app.js')>('app.js');
const { SYSTEM_CONTEXT } = await dist<typeof import('../src/audit/audit-log.js')>('audit/audit-log.js');
const { bootstrap } = await dist<typeof import('../src/bootstrap.js')>('bootstrap.js');
const { loadConfig } = await dist<typeof import('../src/config/load-config.js')>('config/load-config.js');
const { createServices } = await dist<typeof import('../src/services.js')>('services.js');
const { openStore } = await dist<typeof import('../src/storage/database.js')>('storage/database.js');

const config = loadConfig(process.env);
const store = openStore(config.databaseUrl, { searchPath: process.env.BENCH_PG_SCHEMA });
const services = createServices(config, store);
await bootstrap(services);

async function createClient(services: Services, name: string, input: Omit<NewClient, 'name'>) {
  const { client, secret } = await services.clientService.create({ name, ...input }, SYSTEM_CONTEXT);
  return { id: client.id, secret: secret! };
}

const redirectUri = 'http://127.0.0.1:9/callback';
const clients: Seed['clients'] = {
  credentials: await createClient(services, 'bench client_credentials', { grantTypes: ['client_credentials'], confidential: true, permissions: ['view-users'] }),
  password: await createClient(services, 'bench password', { grantTypes: ['password'], confidential: true }),
  code: { ...(await createClient(services, 'bench authorization_code', { grantTypes: ['authorization_code'], confidential: true, trusted: true, redirectUris: [redirectUri] })), redirectUri },
};
await bulkClients(Number(process.env.BENCH_CLIENTS ?? 0));

/** Fills `oauth_clients` up to `total` rows in one transaction (the REST list scenario). */
async function bulkClients(total: number): Promise<void> {
  const { n } = await store.db.selectFrom('oauth_clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const now = Date.now();
  const rows = Array.from({ length: Math.max(0, total - Number(n)) }, (_, i) => ({
    name: `bench list client ${String(i).padStart(6, '0')}`,
    secret: services.box.seal(`bench-secret-${i}`),
    grant_types: JSON.stringify(i % 2 ? ['client_credentials'] : ['authorization_code']),
    redirect_uris: JSON.stringify(i % 2 ? [] : [`https://app${i}.example.com/callback`]),
    post_logout_redirect_uris: '[]',
    confidential: 1,
    require_pkce: 0,
    trusted: 0,
    permissions: '[]',
    revoked: 0,
    created_at: now + i,
    updated_at: now + i,
  }));
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('oauth_clients').values(rows.slice(i, i + 500)).execute();
  });
  // PostgreSQL plans from statistics that autovacuum refreshes within a minute of a bulk load;
  // measured straight after one, the list's page would be planned for the table as it was
  // (a sort of every row instead of a walk along the primary key: 40 ms against 1 ms a page).
  if (store.dialect === 'postgres') await sql`analyze oauth_clients`.execute(store.db);
}

/**
 * Adds `count` access tokens and as many refresh tokens in one statement each (issue 8's
 * "1M tokens in the store"): random ids like real ones, spread over a month of expiry.
 */
async function bulkTokens(count: number): Promise<void> {
  const admin = await services.users.findForLogin(config.admin.username);
  const now = Date.now();
  const userId = admin!.user.id;
  const clientId = clients.password.id;
  if (store.dialect === 'sqlite') {
    const seq = sql`with recursive seq(n) as (select 1 union all select n + 1 from seq where n < ${count})`;
    await sql`${seq} insert into access_tokens (id, user_id, client_id, scopes, family_id, revoked, created_at, expires_at)
      select lower(hex(randomblob(16))), ${userId}, ${clientId}, '["*"]', lower(hex(randomblob(16))), 0, ${now} - n, ${now} + 3600000 + n from seq`.execute(store.db);
    await sql`${seq} insert into refresh_tokens (id, family_id, access_token_id, client_id, user_id, scopes, revoked, created_at, expires_at)
      select lower(hex(randomblob(32))), lower(hex(randomblob(16))), lower(hex(randomblob(16))), ${clientId}, ${userId}, '["*"]', 0, ${now} - n, ${now} + 2592000000 + n from seq`.execute(store.db);
    // A store that grew over months has its rows in the database file, not in a WAL of
    // hundreds of megabytes that the next commit would have to checkpoint first.
    const connection = new SQLite(config.databaseUrl.slice('sqlite:'.length));
    connection.pragma('wal_checkpoint(TRUNCATE)');
    connection.close();
  } else {
    await sql`insert into access_tokens (id, user_id, client_id, scopes, family_id, revoked, created_at, expires_at)
      select md5(random()::text || n), ${userId}, ${clientId}, '["*"]', md5(random()::text), 0, ${now}::bigint - n, ${now}::bigint + 3600000 + n from generate_series(1, ${count}) as n`.execute(store.db);
    await sql`insert into refresh_tokens (id, family_id, access_token_id, client_id, user_id, scopes, revoked, created_at, expires_at)
      select md5(random()::text || n) || md5(random()::text), md5(random()::text), md5(random()::text), ${clientId}, ${userId}, '["*"]', 0, ${now}::bigint - n, ${now}::bigint + 2592000000 + n from generate_series(1, ${count}) as n`.execute(store.db);
    await sql`analyze access_tokens`.execute(store.db);
    await sql`analyze refresh_tokens`.execute(store.db);
  }
}

async function stats() {
  const count = async (table: 'access_tokens' | 'refresh_tokens' | 'audit_events' | 'oauth_clients') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { accessTokens: await count('access_tokens'), refreshTokens: await count('refresh_tokens'), auditEvents: await count('audit_events'), clients: await count('oauth_clients') };
}

const app = await buildApp(services);
await app.listen({ port: config.port, host: '127.0.0.1' });

/** `--profile`: one V8 CPU profile per scenario, covering only its load. */
const profiler = new Session();
profiler.connect();
const inspect = (method: string, params?: object) =>
  new Promise<any>((resolve, reject) => profiler.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

process.on('message', async (message: { id: number; type: string; count?: number; file?: string }) => {
  try {
    if (message.type === 'bulk-tokens') await bulkTokens(message.count!);
    if (message.type === 'profile-start') {
      await inspect('Profiler.enable');
      await inspect('Profiler.start');
    }
    if (message.type === 'profile-stop') writeFileSync(message.file!, JSON.stringify((await inspect('Profiler.stop')).profile));
    const reply = { id: message.id, ...(await stats()) };
    process.send!(reply);
  } catch (error) {
    process.send!({ id: message.id, error: String((error as Error).stack ?? error) });
  }
});

async function stop() {
  await app.close();
  await store.close();
  process.exit(0);
}
process.once('SIGTERM', stop);
process.on('disconnect', stop);

const seed: Seed = { url: config.issuer, admin: { username: config.admin.username, password: config.admin.password! }, clients, clientCount: (await stats()).clients };
process.send!({ type: 'ready', ...seed });
