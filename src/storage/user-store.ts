import type { Kysely, Selectable } from 'kysely';
import { UniqueViolation } from '../shared/validation-error.js';
import type { User } from '../users/user.js';
import type { UserRepository } from '../users/user-repository.js';
import { bool, int, isUniqueViolation } from './rows.js';
import type { Database, UsersTable } from './schema.js';

export function toUser(row: Selectable<UsersTable>): User {
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

export function createUserStore(db: Kysely<Database>, now: () => number): UserRepository {
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
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async findForLogin(login) {
      const row =
        (await db.selectFrom('users').selectAll().where('username', '=', login).executeTakeFirst()) ??
        (await db.selectFrom('users').selectAll().where('email', '=', login.toLowerCase()).executeTakeFirst());
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
  };
}
