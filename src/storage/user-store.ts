import type { Kysely, Selectable } from 'kysely';
import { UniqueViolation } from '../shared/validation-error.js';
import type { User } from '../users/user.js';
import type { UserRepository } from '../users/user-repository.js';
import { listPage } from './list-page.js';
import { bool, int, isUniqueViolation } from './rows.js';
import type { DialectName } from './dialect.js';
import { prepared } from './prepared.js';
import { readByKey } from './turn-batch.js';
import type { Database, UsersTable } from './schema.js';

/** The columns of a user other than the password hash (read only to check a password). */
export const USER_COLUMNS = ['id', 'username', 'email', 'firstname', 'lastname', 'status', 'is_administrator', 'created_at', 'updated_at'] as const;

export function toUser(row: Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    firstname: row.firstname,
    lastname: row.lastname,
    status: row.status,
    isAdministrator: bool(row.is_administrator),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Search and sort columns of a user page, shared with group member pages. */
export const USER_PAGE = {
  searchColumns: ['users.username', 'users.email', 'users.firstname', 'users.lastname'],
  orderColumns: {
    id: 'users.id',
    username: 'users.username',
    email: 'users.email',
    firstname: 'users.firstname',
    lastname: 'users.lastname',
    status: 'users.status',
    created_at: 'users.created_at',
    updated_at: 'users.updated_at',
  },
  idColumn: 'users.id',
};

function uniqueColumn(error: unknown): UniqueViolation | unknown {
  return isUniqueViolation(error) ? new UniqueViolation(String(error).includes('email') ? 'email' : 'username') : error;
}

export function createUserStore(db: Kysely<Database>, now: () => number, dialect?: DialectName): UserRepository {
  // Read by every refresh and login: compiled once; by id, one query per turn on PostgreSQL.
  const byId = readByKey(db, dialect, { select: () => db.selectFrom('users').select(USER_COLUMNS), column: 'id', convert: toUser });
  const byUsername = prepared(db, (username: string) => db.selectFrom('users').selectAll().where('username', '=', username));
  const byEmail = prepared(db, (email: string) => db.selectFrom('users').selectAll().where('email', '=', email));
  return {
    async create(user) {
      const at = now();
      try {
        const row = await db
          .insertInto('users')
          .values({
            username: user.username,
            email: user.email,
            firstname: user.firstname ?? '',
            lastname: user.lastname ?? '',
            password_hash: user.passwordHash,
            status: user.status ?? 'ACTIVE',
            is_administrator: int(user.isAdministrator),
            created_at: at,
            updated_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toUser(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new UniqueViolation(String(error).includes('email') ? 'email' : 'username');
        throw error;
      }
    },
    findById: byId,
    async findForLogin(login) {
      const row = (await byUsername(login)).rows[0] ?? (await byEmail(login.toLowerCase())).rows[0];
      return row && { user: toUser(row), passwordHash: row.password_hash };
    },
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
      return rows.map(toUser);
    },
    async count() {
      const { n } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(n);
    },
    async setPasswordHash(id, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now() }).where('id', '=', id).execute();
    },
    async page(query, filter = {}) {
      let base = db.selectFrom('users');
      if (filter.status !== undefined) base = base.where('users.status', '=', filter.status);
      const page = await listPage(base, query, { ...USER_PAGE, select: (qb) => qb.selectAll('users') });
      return { total: page.total, items: page.items.map((row) => toUser(row as Selectable<UsersTable>)) };
    },
    async update(id, changes) {
      const set: Partial<Selectable<UsersTable>> = { updated_at: now() };
      if (changes.username !== undefined) set.username = changes.username;
      if (changes.email !== undefined) set.email = changes.email;
      if (changes.firstname !== undefined) set.firstname = changes.firstname;
      if (changes.lastname !== undefined) set.lastname = changes.lastname;
      if (changes.status !== undefined) set.status = changes.status;
      if (changes.isAdministrator !== undefined) set.is_administrator = int(changes.isAdministrator);
      if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
      try {
        const row = await db.updateTable('users').set(set).where('id', '=', id).returningAll().executeTakeFirst();
        return row && toUser(row);
      } catch (error) {
        throw uniqueColumn(error);
      }
    },
    async delete(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
