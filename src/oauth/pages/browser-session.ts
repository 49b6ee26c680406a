import type { FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../../crypto/digest.js';
import { randomToken } from '../../crypto/random.js';
import type { Services } from '../../services.js';
import { SESSION_TTL_SECONDS, type SignedIn } from '../../sessions/login-session.js';
import type { User } from '../../users/user.js';
import { cookieOptions, type CookieNames } from './browser-cookies.js';

export interface BrowserSessions {
  /** The live session of this browser with its active user, if any. */
  current(request: FastifyRequest): Promise<SignedIn | undefined>;
  /** Ends any session this browser had and starts a new one with a new id (session fixation). */
  start(request: FastifyRequest, reply: FastifyReply, user: User): Promise<SignedIn>;
  /** Ends the session on the server and clears the cookie. */
  end(request: FastifyRequest, reply: FastifyReply): Promise<SignedIn | undefined>;
}

/**
 * Login sessions kept in the shared store (DESIGN §1: nothing that matters in one process):
 * the cookie carries 256 random bits, the store only their SHA-256.
 */
export function createBrowserSessions(services: Services, names: CookieNames): BrowserSessions {
  const { sessions, users, clock, config } = services;
  const options = cookieOptions(config.issuer);
  const cookieHash = (request: FastifyRequest) => {
    const value = request.cookies[names.session];
    return value && value.length <= 128 ? sha256(value) : undefined;
  };

  async function current(request: FastifyRequest): Promise<SignedIn | undefined> {
    const id = cookieHash(request);
    const session = id === undefined ? undefined : await sessions.findActive(id, clock.now());
    if (!session) return undefined;
    const user = await users.findById(session.userId);
    return user && user.status === 'ACTIVE' ? { session, user } : undefined;
  }

  return {
    current,
    async start(request, reply, user) {
      const previous = cookieHash(request);
      if (previous !== undefined) await sessions.delete(previous);
      const value = randomToken(32);
      const now = clock.now();
      const session = { id: sha256(value), userId: user.id, authTime: now, csrfToken: randomToken(32), createdAt: now, expiresAt: now + SESSION_TTL_SECONDS * 1000 };
      await sessions.create(session);
      reply.setCookie(names.session, value, options);
      return { session, user };
    },
    async end(request, reply) {
      const signedIn = await current(request);
      const id = cookieHash(request);
      if (id !== undefined) await sessions.delete(id);
      reply.clearCookie(names.session, options);
      return signedIn;
    },
  };
}
