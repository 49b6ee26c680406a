import { authorizeUrl, exchangeCode, logoutUrl, OAuthError, refreshTokens, revokeToken, type TokenResponse } from './oauth-client';
import { jwtPayload, randomToken, s256 } from './pkce';
import type { RuntimeConfig } from './runtime-config';
import { refreshDelay, tokenStore } from './token-store';

/** The PKCE verifier and state survive the redirect in sessionStorage; tokens never do. */
const PENDING_KEY = 'gatehouse.console.sign-in';

interface PendingSignIn {
  state: string;
  verifier: string;
  nonce: string;
  returnTo: string;
}

let timer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | undefined;

/** Starts authorization code + PKCE (RFC 7636) by leaving for `/oauth/authorize`. */
export async function startSignIn(config: RuntimeConfig, returnTo: string): Promise<void> {
  const pending: PendingSignIn = { state: randomToken(), verifier: randomToken(32), nonce: randomToken(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const challenge = await s256(pending.verifier);
  window.location.assign(authorizeUrl(config, { state: pending.state, challenge, nonce: pending.nonce }));
}

/** Handles `/admin/callback`: checks state and iss (RFC 9207), redeems the code, returns where to go. */
export async function completeSignIn(config: RuntimeConfig, params: URLSearchParams): Promise<string> {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
  if (!pending || params.get('state') !== pending.state) throw new OAuthError('invalid_state', 'The sign-in response did not match this browser tab.');
  const iss = params.get('iss');
  if (iss !== null && iss !== config.issuer) throw new OAuthError('invalid_issuer', 'The sign-in response came from another issuer.');
  const error = params.get('error');
  if (error) throw new OAuthError(error, params.get('error_description') ?? undefined);
  const code = params.get('code');
  if (!code) throw new OAuthError('invalid_request', 'The sign-in response had no code.');
  const tokens = await exchangeCode(config, code, pending.verifier);
  if (tokens.id_token && jwtPayload(tokens.id_token).nonce !== pending.nonce) {
    throw new OAuthError('invalid_nonce', 'The ID token does not belong to this sign-in.');
  }
  keep(config, tokens);
  return pending.returnTo.startsWith('/admin/') ? pending.returnTo : '/admin/';
}

function keep(config: RuntimeConfig, response: TokenResponse): void {
  const previous = tokenStore.get();
  const lifetime = response.expires_in * 1000;
  const expiresAt = Date.now() + lifetime;
  tokenStore.set({
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previous?.refreshToken,
    idToken: response.id_token ?? previous?.idToken,
    expiresAt,
  });
  clearTimeout(timer);
  if (response.refresh_token ?? previous?.refreshToken) {
    timer = setTimeout(() => void refreshNow(config), refreshDelay(expiresAt, Date.now(), lifetime));
  }
}

/** Silent refresh with rotation; one request at a time. Resolves false when the session is gone. */
export function refreshNow(config: RuntimeConfig): Promise<boolean> {
  const refreshToken = tokenStore.get()?.refreshToken;
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= refreshTokens(config, refreshToken)
    .then((response) => {
      keep(config, response);
      return true;
    })
    .catch(() => {
      clearTimeout(timer);
      tokenStore.set(null);
      return false;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/** Revokes the refresh token, forgets the tokens and ends the server session at `/oauth/logout`. */
export async function signOut(config: RuntimeConfig): Promise<void> {
  const tokens = tokenStore.get();
  clearTimeout(timer);
  if (tokens?.refreshToken) await revokeToken(config, tokens.refreshToken, 'refresh_token');
  tokenStore.set(null);
  window.location.assign(logoutUrl(config, tokens?.idToken));
}
