import type { PasswordHasher } from './password-hasher.js';
import type { User } from './user.js';
import type { UserRepository } from './user-repository.js';

export type LoginResult = { ok: true; user: User } | { ok: false; reason: 'invalid_credentials' | 'inactive' };

/**
 * Verifies a username-or-email and password. Unknown users cost a full hash so that they
 * are indistinguishable from a wrong password; bcrypt hashes are upgraded on success.
 */
export async function authenticateUser(
  users: UserRepository,
  hasher: PasswordHasher,
  login: string,
  password: string,
): Promise<LoginResult> {
  const found = await users.findForLogin(login);
  if (!found) {
    await hasher.burn(password);
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (!(await hasher.verify(found.passwordHash, password))) return { ok: false, reason: 'invalid_credentials' };
  if (found.user.status !== 'ACTIVE') return { ok: false, reason: 'inactive' };
  if (hasher.needsRehash(found.passwordHash)) {
    await users.setPasswordHash(found.user.id, await hasher.hash(password));
  }
  return { ok: true, user: found.user };
}
