import type { AuditContext, AuditLog } from '../audit/audit-log.js';
import type { SessionRepository } from '../sessions/session-repository.js';
import { UniqueViolation, ValidationError } from '../shared/validation-error.js';
import { throttleKeys, type Throttle } from '../throttle/throttle.js';
import type { TokenRepository } from '../tokens/token-repository.js';
import type { PasswordHasher } from './password-hasher.js';
import { signOutEverywhere } from './sign-out-everywhere.js';
import type { User } from './user.js';
import type { UserRepository } from './user-repository.js';

/** The details a user may change about themselves; never username, status or rights. */
export interface ProfileChanges {
  firstname?: string;
  lastname?: string;
  email?: string;
}

export type PasswordChange = { outcome: 'changed'; revokedTokens: number } | { outcome: 'locked'; retryAfter: number };

export type ProfileService = ReturnType<typeof createProfileService>;

export const CURRENT_PASSWORD_INCORRECT = 'The current password is incorrect.';

/**
 * Self-service for a signed-in user (DESIGN §6 `/me`). A password change proves the current
 * password first; a wrong one counts as a failed login for the username + IP throttle
 * (ASVS 6.3.1), so the form cannot be used to guess it. A change signs the user out
 * everywhere, as an administrator's change does.
 */
export function createProfileService(deps: {
  users: UserRepository;
  tokens: TokenRepository;
  sessions: SessionRepository;
  hasher: PasswordHasher;
  throttle: Throttle;
  audit: AuditLog;
}) {
  const { users, hasher, throttle, audit } = deps;
  const target = (user: User) => ({ type: 'user', id: String(user.id), name: user.username });

  return {
    /** Throws `ValidationError` when the email belongs to someone else. */
    async update(user: User, changes: ProfileChanges, context: AuditContext): Promise<User> {
      const updated = await users
        .update(user.id, { firstname: changes.firstname, lastname: changes.lastname, email: changes.email?.toLowerCase() })
        .catch((error) => Promise.reject(error instanceof UniqueViolation ? ValidationError.field(error.column, `The ${error.column} has already been taken.`) : error));
      if (!updated) throw new Error('user vanished during update');
      const fields = Object.entries(changes).filter(([, v]) => v !== undefined).map(([k]) => k);
      await audit.record({ ...context, event: 'user.profile_updated', target: target(updated), details: { fields } });
      return updated;
    },

    /** `locked` while the throttle holds; a wrong current password throws `ValidationError`. */
    async changePassword(user: User, current: string, next: string, context: AuditContext): Promise<PasswordChange> {
      const key = throttleKeys.login(user.username, context.ip ?? '');
      const retryAfter = await throttle.retryAfter(key);
      if (retryAfter > 0) return { outcome: 'locked', retryAfter };
      const found = await users.findForLogin(user.username);
      const verified = found?.user.id === user.id && (await hasher.verify(found.passwordHash, current));
      if (!verified) {
        await throttle.recordFailure(key);
        await audit.record({ ...context, event: 'user.password_change_failed', target: target(user), details: { reason: 'current_password_incorrect' } });
        throw ValidationError.field('current_password', CURRENT_PASSWORD_INCORRECT);
      }
      await throttle.recordSuccess(key);
      await users.setPasswordHash(user.id, await hasher.hash(next));
      const revokedTokens = await signOutEverywhere(deps, user.id);
      await audit.record({ ...context, event: 'user.password_changed', target: target(user), details: { revoked_tokens: revokedTokens } });
      return { outcome: 'changed', revokedTokens };
    },
  };
}
