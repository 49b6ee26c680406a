import type { FastifyRequest } from 'fastify';
import type { Services } from '../services.js';
import { throttleKeys } from '../throttle/throttle.js';
import { authenticateUser } from '../users/authenticate-user.js';
import type { User } from '../users/user.js';
import { auditContext } from './request-context.js';

export type ThrottledLogin =
  | { outcome: 'ok'; user: User }
  | { outcome: 'locked'; retryAfter: number }
  | { outcome: 'failed'; reason: 'invalid_credentials' | 'inactive' };

/**
 * A username-or-email and password check shared by the password grant and the login page:
 * locked out after too many failures per username + IP (ASVS 6.3.1), failures audited as
 * `user.login_failed` with `details` (never the password), the counter cleared on success.
 */
export async function throttledLogin(
  services: Services,
  request: FastifyRequest,
  username: string,
  password: string,
  details: Record<string, unknown>,
): Promise<ThrottledLogin> {
  const key = throttleKeys.login(username, request.ip);
  const retryAfter = await services.throttle.retryAfter(key);
  if (retryAfter > 0) return { outcome: 'locked', retryAfter };
  const result = await authenticateUser(services.users, services.hasher, username, password);
  if (!result.ok) {
    await services.throttle.recordFailure(key);
    await services.audit.record({
      ...auditContext(request, null),
      event: 'user.login_failed',
      target: { type: 'user', id: username.slice(0, 64) },
      details: { reason: result.reason, ...details },
    });
    return { outcome: 'failed', reason: result.reason };
  }
  await services.throttle.recordSuccess(key);
  return { outcome: 'ok', user: result.user };
}
