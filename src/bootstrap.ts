import { SYSTEM_CONTEXT } from './audit/audit-log.js';
import { CONSOLE_CLIENT_ID, PERSONAL_ACCESS_CLIENT_ID } from './clients/client.js';
import { randomAlphanumeric } from './crypto/random.js';
import { PERMISSIONS } from './permissions/permission-names.js';
import { sql } from 'kysely';
import type { Services } from './services.js';
import type { Store } from './storage/database.js';
import { migrate } from './storage/migrate.js';

/** Arbitrary, fixed key of the PostgreSQL advisory lock held while seeding. */
const BOOTSTRAP_LOCK = 4_711_042;

export interface BootstrapResult {
  migrations: string[];
  createdKeys: string[];
  /** Set only on the start that created the administrator with a generated password. */
  generatedAdminPassword?: string;
  adminCreated: boolean;
}

/** The console's redirect URI under the issuer; kept in step if the issuer changes. */
export function consoleRedirectUri(issuer: string): string {
  return `${issuer}/admin/callback`;
}

/**
 * First start (DESIGN §2): migrate, create signing keys, built-in clients 1 and 2, the
 * permissions and the administrator. Idempotent: a second start changes nothing.
 */
export async function bootstrap(services: Services): Promise<BootstrapResult> {
  return withBootstrapLock(services.store, async () => seed(services, await migrate(services.store)));
}

/**
 * Instances starting together on one PostgreSQL database take turns, so the built-in clients
 * keep ids 1 and 2 and exactly one administrator is created. SQLite serves one instance.
 */
async function withBootstrapLock<T>(store: Store, work: () => Promise<T>): Promise<T> {
  if (store.dialect !== 'postgres') return work();
  return store.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${BOOTSTRAP_LOCK})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${BOOTSTRAP_LOCK})`.execute(connection);
    }
  });
}

async function seed(services: Services, migrations: string[]): Promise<BootstrapResult> {
  const { config, clients, users, hasher, permissions, keyService } = services;
  const createdKeys = await keyService.ensureActive([config.signingAlg, 'RS256']);
  await permissions.ensure(PERMISSIONS);

  const consoleClient = await clients.findById(CONSOLE_CLIENT_ID);
  if (!consoleClient) {
    await clients.create(
      { name: 'Gatehouse Console', grantTypes: ['authorization_code'], redirectUris: [consoleRedirectUri(config.issuer)], postLogoutRedirectUris: [`${config.issuer}/admin/`], confidential: false, requirePkce: true, trusted: true },
      null,
    );
  } else if (consoleClient.redirectUris[0] !== consoleRedirectUri(config.issuer)) {
    await clients.update(CONSOLE_CLIENT_ID, { redirectUris: [consoleRedirectUri(config.issuer)], postLogoutRedirectUris: [`${config.issuer}/admin/`] });
  }
  if (!(await clients.findById(PERSONAL_ACCESS_CLIENT_ID))) {
    await clients.create({ name: 'Personal Access Client', grantTypes: ['personal_access'], confidential: false, trusted: true }, null);
  }

  let generatedAdminPassword: string | undefined;
  const adminCreated = (await users.count()) === 0;
  if (adminCreated) {
    const password = config.admin.password ?? (generatedAdminPassword = randomAlphanumeric(20));
    const admin = await users.create({
      username: config.admin.username,
      email: config.admin.email,
      firstname: 'Admin',
      lastname: 'User',
      passwordHash: await hasher.hash(password),
      isAdministrator: true,
    });
    await services.audit.record({ ...SYSTEM_CONTEXT, event: 'user.created', target: { type: 'user', id: String(admin.id), name: admin.username } });
  }
  return { migrations, createdKeys, generatedAdminPassword, adminCreated };
}
