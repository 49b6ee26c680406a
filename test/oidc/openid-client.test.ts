import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as client from 'openid-client';
import { backends } from '../helpers/backends.js';
import type { Harness } from '../helpers/harness.js';
import { ADMIN_PASSWORD } from '../helpers/harness.js';
import { formFields } from '../authorize/browser.js';
import { FetchBrowser, liveHarness } from './live-server.js';

const REDIRECT = 'http://127.0.0.1/callback';

/**
 * Signs in through the HTML pages as a person would: follows 302/303 redirects, fills in the
 * login form, presses Allow, and stops at the client's redirect URI.
 */
async function signInWithForms(browser: FetchBrowser, authorizationUrl: URL): Promise<URL> {
  let response = await browser.request(authorizationUrl.href);
  let url = authorizationUrl;
  for (let step = 0; step < 10; step++) {
    if (response.status === 302 || response.status === 303) {
      url = new URL(response.headers.get('location')!, url);
      if (url.pathname === '/callback') return url;
      response = await browser.request(url.href);
      continue;
    }
    assert.equal(response.status, 200, `unexpected ${response.status} at ${url}`);
    const page = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1];
    const fields = formFields(page);
    const filled = action === '/oauth/login' ? { ...fields, username: 'admin', password: ADMIN_PASSWORD } : { ...fields, decision: 'allow' };
    response = await browser.request(new URL(action, url).href, { form: filled });
  }
  throw new Error('sign-in did not finish');
}

for (const backend of backends()) {
  describe(`openid-client v6 against a running server [${backend.name}]`, () => {
    let h: Harness;
    let issuer: string;
    let clientId: string;
    before(async () => {
      ({ h, issuer } = await liveHarness(backend));
      // A third-party public client: PKCE, the consent page, offline_access for a refresh token.
      clientId = String((await h.createClient(['authorization_code'], { confidential: false, redirectUris: [REDIRECT] })).id);
    });
    after(async () => {
      await h?.close();
    });

    test('discovery, code + PKCE through the login form, ID token, refresh, userinfo, revocation', async () => {
      const config = await client.discovery(new URL(issuer), clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
      assert.equal(config.serverMetadata().issuer, issuer);
      assert.equal(config.serverMetadata().supportsPKCE(), true);

      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const redirectUri = 'http://127.0.0.1:53682/callback';
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid profile email offline_access',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      const callback = await signInWithForms(new FetchBrowser(), url);
      assert.equal(callback.searchParams.get('iss'), issuer);

      const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
      const claims = tokens.claims()!;
      assert.equal(claims.iss, issuer);
      assert.equal(claims.aud, clientId);
      assert.equal(claims.sub, '1');
      assert.equal(claims.nonce, nonce);
      assert.equal(typeof claims.auth_time, 'number');
      assert.equal(claims.preferred_username, 'admin');
      assert.ok(tokens.refresh_token);

      const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
      assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
      assert.equal(refreshed.claims()?.sub, claims.sub);

      const info = await client.fetchUserInfo(config, refreshed.access_token, claims.sub);
      assert.equal(info.sub, '1');
      assert.equal(info.email, 'admin@localhost');
      assert.equal(info.preferred_username, 'admin');

      await client.tokenRevocation(config, refreshed.refresh_token!, { token_type_hint: 'refresh_token' });
      await assert.rejects(client.refreshTokenGrant(config, refreshed.refresh_token!), (error: Error & { error?: string }) => error.error === 'invalid_grant');
      await assert.rejects(client.fetchUserInfo(config, refreshed.access_token, claims.sub));
    });

    test('a second sign-in reuses the session and the remembered consent, and prompt=none works', async () => {
      const config = await client.discovery(new URL(issuer), clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
      const browser = new FetchBrowser();
      const start = async (extra: Record<string, string> = {}) => {
        const verifier = client.randomPKCECodeVerifier();
        const state = client.randomState();
        const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, ...extra });
        return { url, verifier, state };
      };
      const first = await start();
      await client.authorizationCodeGrant(config, await signInWithForms(browser, first.url), { pkceCodeVerifier: first.verifier, expectedState: first.state });
      const silent = await start({ prompt: 'none' });
      const response = await browser.request(silent.url.href);
      assert.equal(response.status, 302);
      const tokens = await client.authorizationCodeGrant(config, new URL(response.headers.get('location')!), { pkceCodeVerifier: silent.verifier, expectedState: silent.state });
      assert.equal(tokens.claims()?.sub, '1');
    });

    test('openid-client reports login_required from a session-less prompt=none', async () => {
      const config = await client.discovery(new URL(issuer), clientId, undefined, client.None(), { execute: [client.allowInsecureRequests] });
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', prompt: 'none', code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state });
      const response = await new FetchBrowser().request(url.href);
      await assert.rejects(
        client.authorizationCodeGrant(config, new URL(response.headers.get('location')!), { pkceCodeVerifier: verifier, expectedState: state }),
        (error: Error & { error?: string }) => error.error === 'login_required',
      );
    });
  });
}
