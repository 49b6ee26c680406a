import type { User } from '../../users/user.js';

/** Claims each OIDC scope releases (OIDC Core §5.4); `sub` is always released. */
export const SCOPE_CLAIMS = {
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'updated_at'],
  email: ['email', 'email_verified'],
} as const;

/** Every claim Gatehouse can put in an ID token or a userinfo response (for discovery). */
export const SUPPORTED_CLAIMS = ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'at_hash', ...SCOPE_CLAIMS.profile, ...SCOPE_CLAIMS.email];

/**
 * The user's claims for the granted scopes: `profile` and `email` release only their own
 * claims; empty values are left out (OIDC Core §5.1). `sub` equals the access token's.
 */
export function userClaims(user: User, scopes: readonly string[]): Record<string, string | number | boolean> {
  const claims: Record<string, string | number | boolean> = { sub: String(user.id) };
  if (scopes.includes('profile')) {
    claims.name = `${user.firstname} ${user.lastname}`.trim() || user.username;
    if (user.firstname) claims.given_name = user.firstname;
    if (user.lastname) claims.family_name = user.lastname;
    claims.preferred_username = user.username;
    claims.updated_at = Math.floor(user.updatedAt / 1000);
  }
  if (scopes.includes('email')) {
    claims.email = user.email;
    // Gatehouse does not verify addresses: administrators enter them.
    claims.email_verified = false;
  }
  return claims;
}
