import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeEqual } from '../../crypto/digest.js';
import { randomToken } from '../../crypto/random.js';
import type { SignedIn } from '../../sessions/login-session.js';
import { cookieOptions, type CookieNames } from './browser-cookies.js';
import { csrfFailurePage } from './page-error.js';

export const CSRF_FIELD = 'csrf_token';

export interface Csrf {
  /** Token for a form shown to someone not (yet) signed in: the login form. */
  forLogin(request: FastifyRequest, reply: FastifyReply): string;
  /** Throws a 403 page unless the form carries this browser's token (OWASP CSRF cheat sheet). */
  check(request: FastifyRequest, signedIn: SignedIn | undefined): void;
}

/**
 * CSRF tokens for every form (SECURITY "Login and consent pages"). Signed-in forms carry
 * the session's own random token. Before sign-in there is no session, so the browser gets
 * a random cookie and the form an HMAC of it under a key derived from the master key
 * (signed double submit): another site can neither read the cookie nor compute the token,
 * and every instance sharing the master key accepts it.
 */
export function createCsrf(masterKey: Buffer, issuer: string, names: CookieNames): Csrf {
  const key = createHmac('sha256', masterKey).update('gatehouse csrf v1').digest();
  const sign = (value: string) => createHmac('sha256', key).update(value).digest('base64url');
  return {
    forLogin(request, reply) {
      let value = request.cookies[names.csrf];
      if (!value || value.length > 128) {
        value = randomToken(32);
        reply.setCookie(names.csrf, value, cookieOptions(issuer));
      }
      return sign(value);
    },
    check(request, signedIn) {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const presented = body[CSRF_FIELD];
      if (typeof presented !== 'string' || presented === '') throw csrfFailurePage();
      if (signedIn && safeEqual(presented, signedIn.session.csrfToken)) return;
      const cookie = request.cookies[names.csrf];
      if (cookie && safeEqual(presented, sign(cookie))) return;
      throw csrfFailurePage();
    },
  };
}
