import { postLogoutRedirectUri, redirectUri, type RuntimeConfig } from './runtime-config';

/** A successful token response (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    description?: string,
  ) {
    super(description || error);
    this.name = 'OAuthError';
  }
}

export function authorizeUrl(config: RuntimeConfig, p: { state: string; challenge: string; nonce: string }): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: String(config.client_id),
    redirect_uri: redirectUri(config),
    scope: config.scope,
    state: p.state,
    nonce: p.nonce,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
  });
  return `${config.issuer}/oauth/authorize?${params}`;
}

export function logoutUrl(config: RuntimeConfig, idToken?: string): string {
  const params = new URLSearchParams({ client_id: String(config.client_id), post_logout_redirect_uri: postLogoutRedirectUri(config) });
  if (idToken) params.set('id_token_hint', idToken);
  return `${config.issuer}/oauth/logout?${params}`;
}

async function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
    credentials: 'same-origin',
  });
}

async function tokenRequest(config: RuntimeConfig, form: Record<string, string>): Promise<TokenResponse> {
  const response = await postForm(`${config.issuer}/oauth/token`, { client_id: String(config.client_id), ...form });
  const body = (await response.json().catch(() => ({}))) as Record<string, string>;
  if (!response.ok) throw new OAuthError(body.error ?? 'server_error', body.error_description);
  return body as unknown as TokenResponse;
}

/** RFC 6749 §4.1.3 with the PKCE verifier (RFC 7636 §4.5); the console is a public client. */
export function exchangeCode(config: RuntimeConfig, code: string, verifier: string): Promise<TokenResponse> {
  return tokenRequest(config, { grant_type: 'authorization_code', code, redirect_uri: redirectUri(config), code_verifier: verifier });
}

/** RFC 6749 §6; the server rotates the refresh token on every use. */
export function refreshTokens(config: RuntimeConfig, refreshToken: string): Promise<TokenResponse> {
  return tokenRequest(config, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** RFC 7009: best effort, sign-out goes on whatever the answer. */
export async function revokeToken(config: RuntimeConfig, token: string, hint: 'refresh_token' | 'access_token'): Promise<void> {
  await postForm(`${config.issuer}/oauth/revoke`, { client_id: String(config.client_id), token, token_type_hint: hint }).catch(() => undefined);
}
