import { PERMISSION_NAMES } from '../../permissions/permission-names.js';
import { ALL_PERMISSIONS_SCOPE, isValidScopeToken, OIDC_SCOPES, parseScope } from '../../tokens/scopes.js';
import { InvalidScope } from '../errors.js';

const KNOWN = new Set<string>([ALL_PERMISSIONS_SCOPE, ...PERMISSION_NAMES, ...OIDC_SCOPES]);

/**
 * The scopes a grant asks for (RFC 6749 §3.3): `fallback` when none are named, and
 * `invalid_scope` for a malformed or unknown scope or one outside `allowed`.
 */
export function requestedScopes(raw: string | undefined, options: { fallback: string[]; allowed?: (scope: string) => boolean }): string[] {
  const scopes = parseScope(raw);
  if (scopes.length === 0) return options.fallback;
  for (const scope of scopes) {
    if (!isValidScopeToken(scope) || !KNOWN.has(scope)) throw new InvalidScope(`Unknown scope: ${scope.slice(0, 64)}.`);
    if (options.allowed && !options.allowed(scope)) throw new InvalidScope(`The scope ${scope} is not allowed here.`);
  }
  return scopes;
}
