import { InvalidRequest } from '../errors.js';
import type { Parameters } from '../parameters.js';

/**
 * The authorization request parameters Gatehouse reads (RFC 6749 §4.1.1, RFC 7636 §4.3,
 * OIDC Core §3.1.2.1). The login and consent forms carry exactly these through.
 */
export const AUTHORIZE_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'max_age',
  'response_mode',
  'login_hint',
  'request',
  'request_uri',
] as const;

export interface AuthorizeInput {
  params: Parameters;
  /** Names sent more than once: `invalid_request` (RFC 6749 §3.1), reported once redirecting is safe. */
  repeated: string[];
  /** Names whose value holds a NUL, which no parameter may carry (nor a database column store). */
  malformed: string[];
}

/** Reads the known parameters from a query or form body; an empty value counts as absent. */
export function readAuthorizeInput(source: unknown): AuthorizeInput {
  const raw = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  const params: Record<string, string> = {};
  const repeated: string[] = [];
  const malformed: string[] = [];
  for (const name of AUTHORIZE_PARAMETERS) {
    const value = raw[name];
    if (Array.isArray(value)) repeated.push(name);
    else if (typeof value === 'string' && value.includes('\u0000')) malformed.push(name);
    else if (typeof value === 'string' && value !== '') params[name] = value;
  }
  return { params, repeated, malformed };
}

/** The query string that carries an authorization request on to another page. */
export function authorizeQuery(params: Parameters): string {
  return new URLSearchParams(Object.entries(params)).toString();
}

/** RFC 6749 §3.1: no parameter twice; and none with a NUL character. */
export function checkWellFormed({ repeated, malformed }: AuthorizeInput): void {
  if (repeated.length > 0) throw new InvalidRequest(`The ${repeated[0]} parameter is repeated.`);
  if (malformed.length > 0) throw new InvalidRequest(`The ${malformed[0]} parameter contains a NUL character.`);
}
