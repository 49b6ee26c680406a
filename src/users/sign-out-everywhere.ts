import type { SessionRepository } from '../sessions/session-repository.js';
import type { TokenRepository } from '../tokens/token-repository.js';

/**
 * Ends every way a user is signed in: all their access and refresh tokens (personal ones
 * included) and their browser sessions, so only the current password signs in again.
 * Used when a password changes or a user is deactivated. Returns the revoked access tokens.
 */
export async function signOutEverywhere(deps: { tokens: TokenRepository; sessions: SessionRepository }, userId: number): Promise<number> {
  const revoked = await deps.tokens.revokeMatching({ userId });
  await deps.sessions.deleteForUser(userId);
  return revoked;
}
