import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { decodeJwt } from 'jose';
import { CONSOLE_CLIENT_ID } from '../../src/clients/client.js';
import { eachBackend } from '../helpers/each-backend.js';
import { ISSUER, bearer } from '../helpers/harness.js';
import { authorizeUrl, location, pkce, redeem, signedInBrowser, type Browser } from '../authorize/browser.js';

/** DESIGN §1: the console is a first-party public client that signs in through /oauth/authorize. */
eachBackend('the console as an OAuth client', (ctx) => {
  let browser: Browser;
  before(async () => {
    browser = await signedInBrowser(ctx.h);
  });

  async function consoleTokens(scope = 'openid profile email *') {
    const { verifier, challenge } = pkce();
    const redirectUri = `${ISSUER}/admin/callback`;
    const params = { response_type: 'code', client_id: String(CONSOLE_CLIENT_ID), redirect_uri: redirectUri, scope, state: 's', nonce: 'n', code_challenge: challenge, code_challenge_method: 'S256' };
    const back = location(await browser.get(authorizeUrl(params)));
    const response = await redeem(ctx.h, { client_id: String(CONSOLE_CLIENT_ID), code: back.searchParams.get('code')!, redirect_uri: redirectUri, code_verifier: verifier });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  }

  test('no consent page, a refresh token, an ID token, and an access token the API accepts', async () => {
    const tokens = await consoleTokens();
    assert.equal(tokens.scope, 'openid profile email *');
    assert.ok(tokens.refresh_token, 'first-party clients always get a refresh token');
    assert.equal(decodeJwt(tokens.id_token).aud, String(CONSOLE_CLIENT_ID));
    const me = await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(tokens.access_token) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().username, 'admin');
  });

  test('the console refreshes as a public client and gets a new ID token', async () => {
    const tokens = await consoleTokens();
    const refreshed = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', client_id: String(CONSOLE_CLIENT_ID), refresh_token: tokens.refresh_token });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    assert.ok(refreshed.json().id_token);
    assert.equal((await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(refreshed.json().access_token) })).statusCode, 200);
  });

  test('the console signs out through end_session_endpoint and lands on /admin/', async () => {
    const tokens = await consoleTokens();
    const query = new URLSearchParams({ client_id: String(CONSOLE_CLIENT_ID), post_logout_redirect_uri: `${ISSUER}/admin/`, id_token_hint: tokens.id_token });
    const response = await browser.get(`/oauth/logout?${query}`);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `${ISSUER}/admin/`);
    browser = await signedInBrowser(ctx.h);
  });
});
