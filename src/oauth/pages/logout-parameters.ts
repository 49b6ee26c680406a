import { PageError } from './page-error.js';

const LOGOUT_PARAMETERS = ['client_id', 'post_logout_redirect_uri', 'state', 'id_token_hint'] as const;

/** The logout request's parameters (OIDC RP-Initiated Logout §2); a repeated one is refused. */
export function readLogoutParameters(source: unknown): Record<string, string> {
  const raw = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const name of LOGOUT_PARAMETERS) {
    const value = raw[name];
    if (Array.isArray(value)) throw new PageError(400, 'Cannot sign out this way', `The ${name} parameter is repeated.`);
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  return fields;
}
