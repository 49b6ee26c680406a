#!/usr/bin/env node
// Password grant against Gatehouse: get a token, call the REST API, refresh, sign out.
//
//   node password-grant.mjs --server http://localhost:8080 --client-id 3 \
//     --client-secret SECRET --username admin --password PASSWORD
//
// Every option can come from the environment instead: GATEHOUSE_URL, GATEHOUSE_CLIENT_ID,
// GATEHOUSE_CLIENT_SECRET, GATEHOUSE_USERNAME, GATEHOUSE_PASSWORD.
// Node.js 20 or later; no dependencies (built-in fetch).
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.GATEHOUSE_URL ?? 'http://localhost:8080' },
    'client-id': { type: 'string', default: process.env.GATEHOUSE_CLIENT_ID },
    'client-secret': { type: 'string', default: process.env.GATEHOUSE_CLIENT_SECRET },
    username: { type: 'string', default: process.env.GATEHOUSE_USERNAME ?? 'admin' },
    password: { type: 'string', default: process.env.GATEHOUSE_PASSWORD },
  },
});
for (const name of ['client-id', 'client-secret', 'password']) {
  if (!args[name]) fail(`--${name} (or GATEHOUSE_${name.replace('-', '_').toUpperCase()}) is required`);
}
const server = args.server.replace(/\/+$/, '');
// client_secret_basic (RFC 6749 §2.3.1): id and secret are form-encoded, then base64.
const clientAuth = 'Basic ' + btoa(`${encodeURIComponent(args['client-id'])}:${encodeURIComponent(args['client-secret'])}`);

class ExampleError extends Error {}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** Tokens are credentials: show enough to recognise one, not enough to use it. */
function short(token) {
  return `${token.slice(0, 16)}… (${token.length} characters)`;
}

const HINTS = {
  invalid_client: ' (check the client id and secret)',
  invalid_grant: ' (check the username and password, or the refresh token)',
  unauthorized_client: ' (enable the password grant for this client)',
};

/** POST to a protocol endpoint with the client's credentials; RFC 6749 §5.2 errors become one line. */
async function post(path, params) {
  const response = await fetch(`${server}${path}`, {
    method: 'POST',
    headers: { authorization: clientAuth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const hint = HINTS[body.error] ?? '';
    throw new ExampleError(`${path} answered ${response.status}: ${body.error ?? 'error'}: ${body.error_description ?? ''}${hint}`);
  }
  return body;
}

async function callApi(accessToken, path) {
  const response = await fetch(`${server}/api/1.0${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (response.status !== 200) {
    const challenge = response.headers.get('www-authenticate') ?? '';
    throw new ExampleError(`GET /api/1.0${path} answered ${response.status}: ${await response.text()} ${challenge}`.trim());
  }
  return response.json();
}

async function main() {
  // 1. Trade the client credentials and the user's password for tokens (RFC 6749 §4.3).
  let token = await post('/oauth/token', { grant_type: 'password', username: args.username, password: args.password, scope: '*' });
  console.log(`Access token:  ${short(token.access_token)}, expires in ${token.expires_in} s`);
  console.log(`Refresh token: ${short(token.refresh_token)}`);

  // 2. Call the REST API with the bearer token.
  const me = await callApi(token.access_token, '/me');
  console.log(`GET /api/1.0/me -> ${me.username} (${me.email}), ${me.permissions.length} permissions`);
  const users = await callApi(token.access_token, '/users?per_page=5');
  console.log(`GET /api/1.0/users -> ${users.meta.total} in total: ${users.data.map((u) => u.username).join(', ')}`);

  // 3. Refresh: the old refresh token is now used up, the new one replaces it (rotation).
  token = await post('/oauth/token', { grant_type: 'refresh_token', refresh_token: token.refresh_token });
  console.log(`Refreshed; new access token: ${short(token.access_token)}`);
  const again = await callApi(token.access_token, '/me');
  console.log(`GET /api/1.0/me with the new token -> ${again.username}`);

  // 4. Sign out: revoking the refresh token revokes its access tokens too (RFC 7009).
  await post('/oauth/revoke', { token: token.refresh_token, token_type_hint: 'refresh_token' });
  const after = await fetch(`${server}/api/1.0/me`, { headers: { authorization: `Bearer ${token.access_token}` } });
  console.log(`Revoked; GET /api/1.0/me now answers ${after.status}`);
}

main().catch((error) => {
  if (error instanceof ExampleError) fail(error.message);
  // fetch rejects with a TypeError whose cause says why the connection failed.
  if (error instanceof TypeError && error.cause) fail(`cannot reach the Gatehouse server at ${server} (${error.cause.code ?? error.cause.message}): is it running?`);
  fail(error.stack ?? String(error));
});
