import type { User } from '../users/user.js';

/** A browser's sign-in at the authorization server (the `gatehouse_session` cookie). */
export interface LoginSession {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id: string;
  userId: number;
  /** When the user last entered their password (epoch ms): OIDC `auth_time`, `max_age`. */
  authTime: number;
  /** Per-session CSRF token for the consent, account and logout forms. */
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/** Absolute lifetime of a sign-in; after it the user enters their password again. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** A live session with its (active) user, as the pages and the authorize endpoint see it. */
export interface SignedIn {
  session: LoginSession;
  user: User;
}
