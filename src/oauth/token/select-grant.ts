import { InvalidRequest, UnsupportedGrantType } from '../errors.js';
import type { GrantHandler } from '../grants/grant-handler.js';
import type { GrantRegistry } from '../grants/grant-registry.js';
import type { Parameters } from '../parameters.js';

/** RFC 6749 §5.2: a missing grant_type is `invalid_request`, an unknown one `unsupported_grant_type`. */
export function selectGrant(registry: GrantRegistry, params: Parameters): GrantHandler {
  const grantType = params.grant_type;
  if (grantType === undefined) throw new InvalidRequest('The grant_type parameter is required.');
  const grant = registry.get(grantType);
  if (!grant) throw new UnsupportedGrantType(`The grant type ${grantType.slice(0, 64)} is not supported.`);
  return grant;
}
