#!/usr/bin/env node
// Personal access token: a long-lived token for your own scripts, no OAuth dance at run time.
//
// Use a token you created in the console (Users > your user > API Tokens):
//
//   GATEHOUSE_TOKEN=gatehouse_pat_… node personal-access-token.mjs --server http://localhost:8080
//
// Or let the example create one through the REST API (POST /api/1.0/users/{id}/tokens),
// signing in first with the password grant, then use it and revoke it again:
//
//   node personal-access-token.mjs --server http://localhost:8080 --client-id 3 \
//     --client-secret SECRET --username admin --password PASSWORD [--keep]
//
// --keep leaves the new token valid and prints it once. Options may come from the
// environment: GATEHOUSE_URL, GATEHOUSE_TOKEN, GATEHOUSE_CLIENT_ID, GATEHOUSE_CLIENT_SECRET,
// GATEHOUSE_USERNAME, GATEHOUSE_PASSWORD. Node.js 20 or later; no dependencies.
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.GATEHOUSE_URL ?? 'http://localhost:8080' },
    token: { type: 'string', default: process.env.GATEHOUSE_TOKEN },
    'client-id': { type: 'string', default: process.env.GATEHOUSE_CLIENT_ID },
    'client-secret': { type: 'string', default: process.env.GATEHOUSE_CLIENT_SECRET },
    username: { type: 'string', default: process.env.GATEHOUSE_USERNAME ?? 'admin' },
    password: { type: 'string', default: process.env.GATEHOUSE_PASSWORD },
    keep: { type: 'boolean', default: false },
  },
});
if (!args.token) {
  for (const name of ['client-id', 'client-secret', 'password']) {
    if (!args[name]) fail(`give --token (or GATEHOUSE_TOKEN), or --${name} (or GATEHOUSE_${name.replace('-', '_').toUpperCase()}) to create one`);
  }
}
const server = args.server.replace(/\/+$/, '');

class ExampleError extends Error {}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

function short(token) {
  return `${token.slice(0, Math.min(18, Math.floor(token.length / 3)))}… (${token.length} characters)`;
}

async function api(method, path, token, body) {
  const response = await fetch(`${server}/api/1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status >= 400) {
    const challenge = response.headers.get('www-authenticate') ?? '';
    throw new ExampleError(`${method} /api/1.0${path} answered ${response.status}: ${await response.text()} ${challenge}`.trim());
  }
  return response.status === 204 ? undefined : response.json();
}

/** Password grant (see password-grant.mjs): a short-lived token to create the personal one. */
async function signIn() {
  const response = await fetch(`${server}/oauth/token`, {
    method: 'POST',
    headers: { authorization: 'Basic ' + btoa(`${encodeURIComponent(args['client-id'])}:${encodeURIComponent(args['client-secret'])}`) },
    body: new URLSearchParams({ grant_type: 'password', username: args.username, password: args.password, scope: '*' }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ExampleError(`the token endpoint refused the request: ${body.error}: ${body.error_description}`);
  return body.access_token;
}

async function use(token) {
  const me = await api('GET', '/me', token);
  console.log(`GET /api/1.0/me -> ${me.username}, permissions: ${me.permissions.join(', ')}`);
  const users = await api('GET', '/users?per_page=5', token);
  console.log(`GET /api/1.0/users -> ${users.meta.total} in total: ${users.data.map((u) => u.username).join(', ')}`);
}

async function main() {
  if (args.token) {
    console.log(`Using the personal access token ${short(args.token)}`);
    await use(args.token);
    return;
  }

  // 1. Sign in and create a personal access token that can only read users.
  const sessionToken = await signIn();
  const me = await api('GET', '/me', sessionToken);
  const created = await api('POST', `/users/${me.id}/tokens`, sessionToken, { name: 'example script', scopes: ['view-users'] });
  console.log(`Created personal access token ${created.id} "${created.name}", expires ${created.expires_at}`);

  // 2. Use it: a plain bearer token, no client id or secret needed.
  await use(created.access_token);

  // 3. Keep it (shown only now) or revoke it.
  if (args.keep) {
    console.log(`Personal access token (shown once, store it safely): ${created.access_token}`);
  } else {
    await api('DELETE', `/users/${me.id}/tokens/${created.id}`, sessionToken);
    const after = await fetch(`${server}/api/1.0/me`, { headers: { authorization: `Bearer ${created.access_token}` } });
    console.log(`Revoked; GET /api/1.0/me with it now answers ${after.status}`);
  }
}

main().catch((error) => {
  if (error instanceof ExampleError) fail(error.message);
  if (error instanceof TypeError && error.cause) fail(`cannot reach the Gatehouse server at ${server} (${error.cause.code ?? error.cause.message}): is it running?`);
  fail(error.stack ?? String(error));
});
