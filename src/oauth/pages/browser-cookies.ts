import type { CookieSerializeOptions } from '@fastify/cookie';

export interface CookieNames {
  session: string;
  csrf: string;
}

/**
 * Over https the cookies take the `__Host-` prefix, which browsers accept only when
 * `Secure`, `Path=/` and no `Domain` are set, so no sibling host can plant or read them.
 */
export function cookieNames(issuer: string): CookieNames {
  const prefix = issuer.startsWith('https:') ? '__Host-' : '';
  return { session: `${prefix}gatehouse_session`, csrf: `${prefix}gatehouse_csrf` };
}

/**
 * SECURITY "Session cookie": HttpOnly, SameSite=Lax (sent on the top-level navigation from
 * a client to /oauth/authorize, not on cross-site posts), Secure over https. No Max-Age:
 * the browser forgets it on exit; the server ends it after SESSION_TTL_SECONDS anyway.
 */
export function cookieOptions(issuer: string): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: issuer.startsWith('https:') };
}
