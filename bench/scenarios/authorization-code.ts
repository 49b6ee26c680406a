import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'autocannon';
import { basic, FORM, form, perConnection, type Scenario, type Seed } from '../lib/scenario.js';

interface Params {
  /** Cookie header of a signed-in browser session. */
  cookie: string;
  verifier: string;
  challenge: string;
}

/** A tiny cookie jar over fetch, enough to sign in through /oauth/login once. */
async function signIn(seed: Seed): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(seed.url + path, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: [...jar].map(([n, v]) => `${n}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
  const page = await (await send('/oauth/login')).text();
  const csrf = /name="csrf_token" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error(`no CSRF token on the login page: ${page.slice(0, 200)}`);
  const done = await send('/oauth/login', { method: 'POST', headers: FORM, body: form({ csrf_token: csrf, username: seed.admin.username, password: seed.admin.password }) });
  if (done.status !== 303) throw new Error(`sign-in failed: ${done.status}`);
  return [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
}

/**
 * The authorization code flow of a signed-in user with a trusted (first-party) confidential
 * client: `GET /oauth/authorize` with PKCE → 302 with a code → `POST /oauth/token` for an
 * access token, refresh token and ID token. Two requests per flow; the sign-in (one argon2id
 * verify) happens once, before the measurement.
 */
export const scenario: Scenario<Params> = {
  name: 'authorization_code',
  description: 'GET /oauth/authorize (signed in, PKCE S256, scope openid profile) → 302 → POST /oauth/token code redemption; 2 requests per flow',
  async prepare(seed) {
    const verifier = randomBytes(32).toString('base64url');
    return { cookie: await signIn(seed), verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
  },
  load({ cookie, verifier, challenge }, seed) {
    const client = seed.clients.code!;
    const authorize = `/oauth/authorize?${form({
      response_type: 'code',
      client_id: String(client.id),
      redirect_uri: client.redirectUri,
      scope: 'openid profile',
      state: 'bench-state',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })}`;
    const authorization = basic(client.id, client.secret);
    return {
      setupClient: perConnection(
        () => ({ code: '' }),
        (state): Request[] => [
          {
            method: 'GET',
            path: authorize,
            headers: { cookie },
            onResponse: (_status, _body, _context, headers) => {
              state.code = new URL(headers.location ?? headers.Location ?? 'http://x/', seed.url).searchParams.get('code') ?? '';
            },
          },
          {
            method: 'POST',
            path: '/oauth/token',
            headers: { ...FORM, authorization },
            setupRequest: (request) => ({
              ...request,
              body: form({ grant_type: 'authorization_code', code: state.code, redirect_uri: client.redirectUri, code_verifier: verifier }),
            }),
          },
        ],
      ),
    };
  },
};
