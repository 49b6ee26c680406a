import type { Harness } from '../helpers/harness.js';
import { ADMIN_PASSWORD, basic, bearer } from '../helpers/harness.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Calls `/api/1.0{path}` with a bearer token (or none) and an optional JSON body. */
export function api(h: Harness, method: Method, path: string, token?: string, payload?: unknown) {
  return h.app.inject({
    method,
    url: `/api/1.0${path}`,
    headers: token ? bearer(token) : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/** A password-grant client and a way to get tokens for any user through it. */
export async function tokenSource(h: Harness) {
  const client = await h.createClient(['password']);
  return {
    client,
    async token(username = 'admin', password = ADMIN_PASSWORD, scope?: string): Promise<string> {
      return (await h.passwordToken(client, username, password, scope)).access_token;
    },
  };
}

/** A user holding exactly `permissions` (directly), and a token for them. */
export async function userWith(h: Harness, source: Awaited<ReturnType<typeof tokenSource>>, username: string, permissions: string[]) {
  const password = `${username}-password`;
  const id = await h.createUser(username, password);
  await h.services.permissions.setForUser(id, permissions);
  return { id, password, token: await source.token(username, password) };
}

/** A client_credentials token for a machine client holding `permissions`. */
export async function machineToken(h: Harness, permissions: string[]): Promise<string> {
  const client = await h.createClient(['client_credentials'], { permissions });
  const res = await h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret) });
  if (res.statusCode !== 200) throw new Error(`client_credentials failed: ${res.body}`);
  return res.json().access_token;
}

/** A full-scope token for the administrator (user 1) that creates no client. */
export async function adminToken(h: Harness): Promise<string> {
  return (await h.services.personalAccessTokens.issue(1, 'tests', ['*'])).token;
}

/** A user holding exactly `permissions`, with a personal token (`*` unless `scopes`). */
export async function patUser(h: Harness, username: string, permissions: string[], scopes = ['*']) {
  const id = await h.createUser(username, `${username}-password`);
  await h.services.permissions.setForUser(id, permissions);
  return { id, token: (await h.services.personalAccessTokens.issue(id, 'tests', scopes)).token };
}
