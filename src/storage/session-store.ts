import type { Kysely } from 'kysely';
import type { SessionRepository } from '../sessions/session-repository.js';
import type { Database } from './schema.js';

export function createSessionStore(db: Kysely<Database>): SessionRepository {
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
      const row = await db
        .selectFrom('login_sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          userId: row.user_id,
          authTime: row.auth_time,
          csrfToken: row.csrf_token,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    },
    async delete(id) {
      await db.deleteFrom('login_sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId) {
      await db.deleteFrom('login_sessions').where('user_id', '=', userId).execute();
    },
  };
}
