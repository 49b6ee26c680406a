#!/usr/bin/env node
// Authorization code + PKCE for a native or command-line app, with a loopback redirect.
//
// The app never sees the user's password: it prints (or opens) the authorization URL, the user
// signs in to Gatehouse in the browser, and Gatehouse redirects the browser to a short-lived
// HTTP server this script runs on 127.0.0.1 (RFC 8252 §7.3). The script then trades the code
// and its PKCE verifier for tokens, and calls /oauth/userinfo and the REST API.
//
//   node authorization-code-pkce.mjs --server http://localhost:8080 --client-id 5 [--open]
//
// The client is registered with the redirect URI http://127.0.0.1/callback; Gatehouse lets a
// loopback redirect use any port, so the script listens on a free one. A public client (no
// secret) is what a native app should be; give --client-secret for a confidential one.
// Options may come from the environment: GATEHOUSE_URL, GATEHOUSE_CLIENT_ID,
// GATEHOUSE_CLIENT_SECRET. Node.js 20 or later; no dependencies.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const SCOPES = ['openid', 'profile', 'email', 'view-users'];

const { values: args } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.GATEHOUSE_URL ?? 'http://localhost:8080' },
    'client-id': { type: 'string', default: process.env.GATEHOUSE_CLIENT_ID },
    'client-secret': { type: 'string', default: process.env.GATEHOUSE_CLIENT_SECRET },
    port: { type: 'string', default: '0' },
    open: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '300' },
  },
});
if (!args['client-id']) fail('--client-id (or GATEHOUSE_CLIENT_ID) is required');
const server = args.server.replace(/\/+$/, '');

class ExampleError extends Error {}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

function short(token) {
  return `${token.slice(0, 16)}… (${token.length} characters)`;
}

/** Listens on 127.0.0.1 until the browser arrives at /callback; resolves with its query. */
async function loopbackListener(port) {
  let arrived;
  const redirect = new Promise((resolve) => (arrived = resolve));
  const listener = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
    response.end('<!doctype html><title>Signed in</title><p>Done. You can close this tab and return to the terminal.</p>');
    arrived(Object.fromEntries(url.searchParams));
  });
  await new Promise((resolve, reject) => {
    listener.on('error', (error) => reject(new ExampleError(`cannot listen on 127.0.0.1:${port} for the redirect: ${error.code}`)));
    listener.listen(Number(port), '127.0.0.1', resolve);
  });
  return { port: listener.address().port, redirect, close: () => listener.close() };
}

function openInBrowser(url) {
  const command = { darwin: 'open', win32: 'explorer' }[process.platform] ?? 'xdg-open';
  spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
}

/**
 * The ID token came straight from the token endpoint over TLS, so OpenID Connect Core
 * §3.1.3.7 lets a client rely on TLS instead of checking the signature; the claims are
 * still checked. (Verify the signature against /oauth/jwks if the token travels further.)
 */
function idTokenClaims(idToken) {
  return JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8'));
}

async function getJson(url, accessToken) {
  const response = await fetch(url, { headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });
  if (response.status !== 200) throw new ExampleError(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

async function main() {
  const { issuer } = await getJson(`${server}/.well-known/openid-configuration`);

  // 1. A loopback listener for the redirect, on a port the operating system picks.
  const listener = await loopbackListener(args.port);
  const redirectUri = `http://127.0.0.1:${listener.port}/callback`;

  // 2. PKCE (RFC 7636): a random verifier stays here; only its SHA-256 goes to the browser.
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(16).toString('base64url');
  const nonce = randomBytes(16).toString('base64url');
  const url = `${server}/oauth/authorize?${new URLSearchParams({
    response_type: 'code',
    client_id: args['client-id'],
    redirect_uri: redirectUri,
    scope: SCOPES.join(' '),
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })}`;
  console.log('Open this URL in your browser and sign in:');
  console.log(`  ${url}`);
  if (args.open) openInBrowser(url);

  // 3. The browser comes back with the code (or an error), the state and the issuer (RFC 9207).
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new ExampleError('no redirect arrived from the browser in time')), Number(args.timeout) * 1000).unref());
  const params = await Promise.race([listener.redirect, timeout]);
  listener.close();
  if (params.state !== state) throw new ExampleError("the redirect's state does not match: ignoring it (possible CSRF)");
  if (params.iss !== undefined && params.iss !== issuer) throw new ExampleError(`the redirect came from issuer ${params.iss}, expected ${issuer}`);
  if (params.error) throw new ExampleError(`authorization failed: ${params.error}: ${params.error_description ?? ''}`);
  console.log('Received the authorization code on the loopback redirect');

  // 4. Trade the code and the verifier for tokens. A public client sends only its id.
  const secret = args['client-secret'];
  const response = await fetch(`${server}/oauth/token`, {
    method: 'POST',
    headers: secret ? { authorization: 'Basic ' + btoa(`${encodeURIComponent(args['client-id'])}:${encodeURIComponent(secret)}`) } : {},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      ...(secret ? {} : { client_id: args['client-id'] }),
    }),
  });
  const token = await response.json().catch(() => ({}));
  if (!response.ok) throw new ExampleError(`the token endpoint refused the request: ${token.error}: ${token.error_description}`);
  console.log(`Access token: ${short(token.access_token)}, scope: ${token.scope}`);
  if (token.refresh_token) console.log(`Refresh token: ${short(token.refresh_token)}`);

  const claims = idTokenClaims(token.id_token);
  const audience = [claims.aud].flat();
  if (claims.iss !== issuer || !audience.includes(args['client-id']) || claims.nonce !== nonce) {
    throw new ExampleError("the ID token's issuer, audience or nonce is wrong");
  }
  console.log(`ID token: sub ${claims.sub}, issuer, audience and nonce checked`);

  // 5. Who signed in (OpenID Connect), then the REST API.
  const userinfo = await getJson(`${server}/oauth/userinfo`, token.access_token);
  console.log(`GET /oauth/userinfo -> ${userinfo.preferred_username} <${userinfo.email}>`);
  const me = await getJson(`${server}/api/1.0/me`, token.access_token);
  console.log(`GET /api/1.0/me -> ${me.username}, permissions: ${me.permissions.join(', ')}`);
  const users = await getJson(`${server}/api/1.0/users?per_page=5`, token.access_token);
  console.log(`GET /api/1.0/users -> ${users.meta.total} in total: ${users.data.map((u) => u.username).join(', ')}`);
}

main().catch((error) => {
  if (error instanceof ExampleError) fail(error.message);
  if (error instanceof TypeError && error.cause) fail(`cannot reach the Gatehouse server at ${server} (${error.cause.code ?? error.cause.message}): is it running?`);
  fail(error.stack ?? String(error));
});
