/**
 * OAuth errors (RFC 6749 §5.2, RFC 7009 §2.2.1, RFC 6750 §3.1). `description` goes to the
 * client; `detail` is for the log only.
 */
export class OAuthError extends Error {
  readonly headers: Record<string, string> = {};

  constructor(
    readonly error: string,
    readonly statusCode: number,
    readonly description: string,
    readonly detail?: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
  }

  withHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }

  toJSON() {
    return { error: this.error, error_description: this.description };
  }
}

export type OAuthErrorClass = new (description?: string, detail?: string) => OAuthError;

/** One class per RFC error code: `new InvalidGrant('code expired')`. */
export function oauthError(code: string, statusCode: number, defaultDescription: string): OAuthErrorClass {
  const named = class extends OAuthError {
    constructor(description = defaultDescription, detail?: string) {
      super(code, statusCode, description, detail);
    }
  };
  Object.defineProperty(named, 'name', { value: code });
  return named;
}

export const InvalidRequest = oauthError('invalid_request', 400, 'The request is missing a parameter or is malformed.');
export const InvalidClient = oauthError('invalid_client', 401, 'Client authentication failed.');
export const InvalidGrant = oauthError('invalid_grant', 400, 'The grant is invalid, expired or revoked.');
export const UnauthorizedClient = oauthError('unauthorized_client', 400, 'The client may not use this grant type.');
export const UnsupportedGrantType = oauthError('unsupported_grant_type', 400, 'The grant type is not supported.');
export const InvalidScope = oauthError('invalid_scope', 400, 'The requested scope is invalid or exceeds what was granted.');
export const UnsupportedTokenType = oauthError('unsupported_token_type', 400, 'The token type is not supported.');
export const AccessDenied = oauthError('access_denied', 403, 'The request was denied.');
export const SlowDown = oauthError('slow_down', 429, 'Too many failed attempts; try again later.');
export const InvalidToken = oauthError('invalid_token', 401, 'The access token is invalid, expired or revoked.');
export const InsufficientScope = oauthError('insufficient_scope', 403, 'The access token lacks the scope this request needs.');
export const ServerError = oauthError('server_error', 500, 'The server met an unexpected condition.');
// Authorization endpoint (RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6); sent by redirect, so the status is nominal.
export const UnsupportedResponseType = oauthError('unsupported_response_type', 400, 'Only response_type=code is supported.');
export const LoginRequired = oauthError('login_required', 400, 'The user must sign in.');
export const ConsentRequired = oauthError('consent_required', 400, 'The user must approve this application.');
export const RequestNotSupported = oauthError('request_not_supported', 400, 'The request parameter is not supported.');
export const RequestUriNotSupported = oauthError('request_uri_not_supported', 400, 'The request_uri parameter is not supported.');
export const TemporarilyUnavailable = oauthError('temporarily_unavailable', 503, 'The service is temporarily unavailable.');

/** 429 with Retry-After (RFC 6585 §4); body keeps the RFC 6749 shape. */
export function tooManyAttempts(retryAfterSeconds: number): OAuthError {
  return new SlowDown().withHeader('Retry-After', String(retryAfterSeconds));
}
