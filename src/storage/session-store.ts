import type { Kysely, Selectable } from 'kysely';
import type { LoginSession } from '../sessions/login-session.js';
import type { SessionRepository } from '../sessions/session-repository.js';
import type { DialectName } from './dialect.js';
import type { Database, LoginSessionsTable } from './schema.js';
import { readByKey } from './turn-batch.js';

/** A login session is read on every authorization request; on PostgreSQL those of one turn by one query. */
export function createSessionStore(db: Kysely<Database>, dialect?: DialectName): SessionRepository {
  const findById = readByKey(db, dialect, {
    select: () => db.selectFrom('login_sessions').selectAll(),
    column: 'id',
    convert: (row: Selectable<LoginSessionsTable>): LoginSession => ({
      id: row.id,
      userId: row.user_id,
      authTime: row.auth_time,
      csrfToken: row.csrf_token,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    }),
  });
  return {
    async create(session) {
      await db
        .insertInto('login_sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          auth_time: session.authTime,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async findActive(id, now) {
      const session = await findById(id);
      return session && session.expiresAt > now ? session : undefined;
    },
    async delete(id) {
      await db.deleteFrom('login_sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId) {
      await db.deleteFrom('login_sessions').where('user_id', '=', userId).execute();
    },
  };
}
