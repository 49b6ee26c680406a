import { isLoopbackHost } from '../config/issuer.js';

const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:']);

/**
 * Registration rules for redirect URIs (RFC 6749 §3.1.2, RFC 9700 §2.1, RFC 8252 §7):
 * absolute, no fragment, no script-capable scheme, `http` only to a loopback host.
 * Returns a message for the user, or undefined when the URI is acceptable.
 */
export function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'The Redirect URL must be an absolute URL.';
  }
  if (uri.includes('#')) return 'The Redirect URL must not contain a fragment (#).';
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `The Redirect URL must not use the ${url.protocol} scheme.`;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'The Redirect URL must use https unless it points to localhost (127.0.0.1 or [::1]).';
  }
  return undefined;
}
