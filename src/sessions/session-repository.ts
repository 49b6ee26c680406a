import type { LoginSession } from './login-session.js';

/** Storage of login sessions, shared by every instance; implemented in src/storage/. */
export interface SessionRepository {
  create(session: LoginSession): Promise<void>;
  /** The session with this id when it has not expired. */
  findActive(id: string, now: number): Promise<LoginSession | undefined>;
  /** Ends a session on the server (logout, or replacement at the next login). */
  delete(id: string): Promise<void>;
  /** Ends every session of a user (e.g. when they are disabled). */
  deleteForUser(userId: number): Promise<void>;
}
