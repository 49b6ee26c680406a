#!/usr/bin/env node
// Client credentials grant: a service gets a token for itself and calls the REST API.
//
//   node client-credentials.mjs --server http://localhost:8080 --client-id 4 --client-secret SECRET
//
// Options may come from the environment instead: GATEHOUSE_URL, GATEHOUSE_CLIENT_ID,
// GATEHOUSE_CLIENT_SECRET. The token's subject is the client itself and carries only the
// permissions an administrator granted the client; there is no user and no refresh token.
// Node.js 20 or later; no dependencies (built-in fetch).
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.GATEHOUSE_URL ?? 'http://localhost:8080' },
    'client-id': { type: 'string', default: process.env.GATEHOUSE_CLIENT_ID },
    'client-secret': { type: 'string', default: process.env.GATEHOUSE_CLIENT_SECRET },
  },
});
for (const name of ['client-id', 'client-secret']) {
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

function short(token) {
  return `${token.slice(0, 16)}… (${token.length} characters)`;
}

const HINTS = {
  invalid_client: ' (check the client id and secret)',
  unauthorized_client: ' (enable the client credentials grant for this client)',
};

async function callApi(accessToken, path) {
  const response = await fetch(`${server}/api/1.0${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (response.status !== 200) {
    const challenge = response.headers.get('www-authenticate') ?? '';
    throw new ExampleError(`GET /api/1.0${path} answered ${response.status}: ${await response.text()} ${challenge}`.trim());
  }
  return response.json();
}

async function main() {
  // 1. The client authenticates with its own id and secret (RFC 6749 §4.4).
  const response = await fetch(`${server}/oauth/token`, {
    method: 'POST',
    headers: { authorization: clientAuth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const token = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ExampleError(`/oauth/token answered ${response.status}: ${token.error}: ${token.error_description}${HINTS[token.error] ?? ''}`);
  }
  console.log(`Access token: ${short(token.access_token)}, expires in ${token.expires_in} s`);

  // 2. /me describes the client: its name and the permissions it was granted.
  const me = await callApi(token.access_token, '/me');
  console.log(`GET /api/1.0/me -> ${me.type} ${me.id} "${me.name}", permissions: ${me.permissions.join(', ') || 'none'}`);

  // 3. A call the client holds the permission for.
  if (me.permissions.includes('view-users')) {
    const users = await callApi(token.access_token, '/users?per_page=5');
    console.log(`GET /api/1.0/users -> ${users.meta.total} in total: ${users.data.map((u) => u.username).join(', ')}`);
  } else {
    console.log('This client lacks view-users; grant it with --permission view-users to list users.');
  }
}

main().catch((error) => {
  if (error instanceof ExampleError) fail(error.message);
  if (error instanceof TypeError && error.cause) fail(`cannot reach the Gatehouse server at ${server} (${error.cause.code ?? error.cause.message}): is it running?`);
  fail(error.stack ?? String(error));
});
