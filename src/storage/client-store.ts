import type { Kysely, Selectable } from 'kysely';
import type { Client, ClientChanges, StoredSecrets } from '../clients/client.js';
import type { ClientRepository } from '../clients/client-repository.js';
import type { DialectName } from './dialect.js';
import { generationCache } from './generation-cache.js';
import { listPage } from './list-page.js';
import { prepared } from './prepared.js';
import { bool, int, json, list, uniqueName } from './rows.js';
import type { ClientsTable, Database } from './schema.js';
import { readByKey } from './turn-batch.js';

/** The columns of a client other than its secrets (those are read only to authenticate it). */
export const CLIENT_COLUMNS = [
  'id', 'name', 'grant_types', 'redirect_uris', 'post_logout_redirect_uris', 'confidential', 'require_pkce', 'trusted', 'permissions', 'user_id', 'revoked', 'created_at', 'updated_at',
] as const;
type ClientRow = Pick<Selectable<ClientsTable>, (typeof CLIENT_COLUMNS)[number]>;

const SECRET_COLUMNS = ['secret', 'previous_secret', 'previous_secret_expires_at'] as const;

function toSecrets(row: Pick<Selectable<ClientsTable>, (typeof SECRET_COLUMNS)[number]>): StoredSecrets {
  return { secret: row.secret, previousSecret: row.previous_secret, previousSecretExpiresAt: row.previous_secret_expires_at };
}

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    grantTypes: list(row.grant_types),
    redirectUris: list(row.redirect_uris),
    postLogoutRedirectUris: list(row.post_logout_redirect_uris),
    confidential: bool(row.confidential),
    requirePkce: bool(row.require_pkce),
    trusted: bool(row.trusted),
    permissions: list(row.permissions),
    userId: row.user_id,
    revoked: bool(row.revoked),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function changedColumns(changes: ClientChanges): Partial<Selectable<ClientsTable>> {
  const set: Partial<Selectable<ClientsTable>> = {};
  if (changes.name !== undefined) set.name = changes.name;
  if (changes.grantTypes !== undefined) set.grant_types = json(changes.grantTypes);
  if (changes.redirectUris !== undefined) set.redirect_uris = json(changes.redirectUris);
  if (changes.postLogoutRedirectUris !== undefined) set.post_logout_redirect_uris = json(changes.postLogoutRedirectUris);
  if (changes.confidential !== undefined) set.confidential = int(changes.confidential);
  if (changes.requirePkce !== undefined) set.require_pkce = int(changes.requirePkce);
  if (changes.trusted !== undefined) set.trusted = int(changes.trusted);
  if (changes.permissions !== undefined) set.permissions = json(changes.permissions);
  if (changes.revoked !== undefined) set.revoked = int(changes.revoked);
  return set;
}

export function createClientStore(db: Kysely<Database>, now: () => number, dialect?: DialectName): ClientRepository {
  const select = () => db.selectFrom('oauth_clients').select(CLIENT_COLUMNS);
  // Read by every client authentication and bearer check: compiled once.
  const byId = prepared(db, (id: number) => select().where('id', '=', id));
  const secretsById = prepared(db, (id: number) => db.selectFrom('oauth_clients').select(SECRET_COLUMNS).where('id', '=', id));
  const readWithSecrets = readByKey(db, dialect, {
    select: () => db.selectFrom('oauth_clients').select([...CLIENT_COLUMNS, ...SECRET_COLUMNS]),
    column: 'id',
    convert: (row) => ({ client: toClient(row), secrets: toSecrets(row) }),
  });
  // Client authentication, cached until any client changes (the `auth` generation).
  const authenticating = generationCache<{ client: Client; secrets: StoredSecrets } | undefined>(db, 'auth');
  return {
    async create(client, secret) {
      const at = now();
      const row = await uniqueName(
        db
          .insertInto('oauth_clients')
          .values({
            name: client.name,
            secret,
            grant_types: json(client.grantTypes),
            redirect_uris: json(client.redirectUris),
            post_logout_redirect_uris: json(client.postLogoutRedirectUris),
            confidential: int(client.confidential),
            require_pkce: int(client.requirePkce ?? !client.confidential),
            trusted: int(client.trusted),
            permissions: json(client.permissions),
            user_id: client.userId ?? null,
            revoked: 0,
            created_at: at,
            updated_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toClient(row);
    },
    async findById(id) {
      const [row] = (await byId(id)).rows;
      return row && toClient(row);
    },
    async findByName(name) {
      const row = await select().where('name', '=', name).executeTakeFirst();
      return row && toClient(row);
    },
    async findSecrets(id) {
      const [row] = (await secretsById(id)).rows;
      return row && toSecrets(row);
    },
    findWithSecrets: (id) => authenticating.through(String(id), () => readWithSecrets(id)),
    async list() {
      return (await select().orderBy('id').execute()).map(toClient);
    },
    async page(query) {
      const page = await listPage(db.selectFrom('oauth_clients'), query, {
        select: (qb) => qb.select(CLIENT_COLUMNS),
        searchColumns: ['name'],
        orderColumns: { id: 'id', name: 'name', created_at: 'created_at', updated_at: 'updated_at' },
        idColumn: 'id',
      });
      return { total: page.total, items: page.items.map((row) => toClient(row as ClientRow)) };
    },
    async update(id, changes) {
      const row = await uniqueName(
        db
          .updateTable('oauth_clients')
          .set({ ...changedColumns(changes), updated_at: now() })
          .where('id', '=', id)
          .returning(CLIENT_COLUMNS)
          .executeTakeFirst(),
      );
      return row && toClient(row);
    },
    async setSecret(id, secret, previous) {
      await db
        .updateTable('oauth_clients')
        .set({
          secret,
          previous_secret: previous?.secret ?? null,
          previous_secret_expires_at: previous?.expiresAt ?? null,
          updated_at: now(),
        })
        .where('id', '=', id)
        .execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('oauth_clients').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
