import { PERMISSION_NAMES } from '../../permissions/permission-names.js';
import { ALL_PERMISSIONS_SCOPE, OIDC_SCOPES } from '../../tokens/scopes.js';
import { PROMPT_VALUES } from '../authorize/steps/check-prompt.js';
import type { MetadataExtension } from '../metadata.js';
import { ID_TOKEN_ALG } from './id-token.js';
import { SUPPORTED_CLAIMS } from './user-claims.js';

/**
 * What the authorization endpoint and OpenID Connect add to the metadata (RFC 8414 §2,
 * OIDC Discovery §3, RFC 9207 §3): exactly what is implemented, and `false` for the
 * optional features whose absence would otherwise be assumed present.
 */
export const oidcMetadata: MetadataExtension = (issuer) => ({
  authorization_endpoint: `${issuer}/oauth/authorize`,
  userinfo_endpoint: `${issuer}/oauth/userinfo`,
  end_session_endpoint: `${issuer}/oauth/logout`,
  response_types_supported: ['code'],
  response_modes_supported: ['query'],
  code_challenge_methods_supported: ['S256'],
  authorization_response_iss_parameter_supported: true,
  subject_types_supported: ['public'],
  id_token_signing_alg_values_supported: [ID_TOKEN_ALG],
  scopes_supported: [...OIDC_SCOPES, ALL_PERMISSIONS_SCOPE, ...PERMISSION_NAMES],
  claims_supported: SUPPORTED_CLAIMS,
  prompt_values_supported: [...PROMPT_VALUES],
  claims_parameter_supported: false,
  request_parameter_supported: false,
  request_uri_parameter_supported: false,
});
