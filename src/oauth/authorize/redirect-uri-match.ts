/** `http://127.0.0.1:<port>/…` or `http://[::1]:<port>/…`, split around the port. */
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|\[::1\])(?::\d{1,5})?([/?].*)?$/;

/**
 * RFC 9700 §4.1.3 / RFC 6749 §3.1.2.3: exact string comparison, no prefix match and no
 * normalisation. The one exception is RFC 8252 §7.3: for a loopback IP redirect URI the
 * port may differ, because a native app listens on whatever port it is given.
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  const a = LOOPBACK.exec(registered);
  const b = LOOPBACK.exec(requested);
  return a !== null && b !== null && a[1] === b[1] && (a[2] ?? '') === (b[2] ?? '');
}

/** Appends response parameters to a redirect URI, keeping its own query (RFC 6749 §3.1.2). */
export function withResponseParameters(redirectUri: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value);
  const encoded = query.toString();
  if (encoded === '') return redirectUri;
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${encoded}`;
}
