import type { Parameters } from '../../parameters.js';
import { requestedScopes } from '../../grants/scope-request.js';
import { ALL_PERMISSIONS_SCOPE } from '../../../tokens/scopes.js';

/**
 * RFC 6749 §3.3: known scopes only (`invalid_scope` otherwise). Without a scope the
 * request asks for `*`, as the password grant does (DESIGN §5); the user sees that on the
 * consent page.
 */
export function checkScope(params: Parameters): string[] {
  return requestedScopes(params.scope, { fallback: [ALL_PERMISSIONS_SCOPE] });
}
