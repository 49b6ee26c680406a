/** OpenID Connect scopes (OIDC Core §5.4, §11); everything else names a permission. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;
export const ALL_PERMISSIONS_SCOPE = '*';

/** RFC 6749 §3.3: space-delimited, case-sensitive; duplicates collapse. */
export function parseScope(raw: string | undefined): string[] {
  return raw === undefined ? [] : [...new Set(raw.split(' ').filter(Boolean))];
}

export function formatScope(scopes: readonly string[]): string {
  return scopes.join(' ');
}

const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** RFC 6749 §3.3 scope-token syntax. */
export function isValidScopeToken(scope: string): boolean {
  return SCOPE_TOKEN.test(scope);
}

/**
 * Permissions a token actually carries: `*` means all of the subject's permissions,
 * explicit names intersect them (DESIGN §5).
 */
export function grantedPermissions(tokenScopes: readonly string[], subjectPermissions: readonly string[]): string[] {
  if (tokenScopes.includes(ALL_PERMISSIONS_SCOPE)) return [...subjectPermissions];
  return subjectPermissions.filter((p) => tokenScopes.includes(p));
}
