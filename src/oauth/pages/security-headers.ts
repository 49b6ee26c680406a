/**
 * Sources a page's forms may lead to. Chrome applies `form-action` to the redirects after a
 * form post too, so pages whose forms end at a client's redirect URI name its origin (or
 * its custom scheme, for native apps).
 */
export function formActionSources(targets: readonly string[]): string[] {
  const sources = new Set(["'self'"]);
  for (const target of targets) {
    try {
      const url = new URL(target);
      sources.add(url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol);
    } catch {
      // Unparseable targets are never redirect targets: registration refuses them.
    }
  }
  return [...sources];
}

/**
 * Headers on every login, consent, account and logout page (SECURITY "Authorization
 * endpoint"): no script at all, styles and images from this origin only, no framing
 * (CSP `frame-ancestors` and X-Frame-Options), no referrer, nothing cached.
 */
export function pageSecurityHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const csp = [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    `form-action ${formActionSources(formTargets).join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
  };
}
