import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { decodeJwt } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { ADMIN_PASSWORD, ISSUER } from '../helpers/harness.js';
import { Browser, authorizeUrl, codeClient, location, signedInBrowser, type TestClient } from './browser.js';

/** OIDC Core §3.1.2.1: prompt=none|login|consent and max_age (login_required, consent_required). */
eachBackend('prompt and max_age', (ctx) => {
  let client: TestClient;
  before(async () => {
    client = await codeClient(ctx.h, { trusted: true });
  });

  const errorOf = (url: URL) => url.searchParams.get('error');

  /** Follows the login page (signing in) back to the client's redirect. */
  async function viaLogin(browser: Browser, url: string): Promise<{ back: URL; loggedIn: boolean }> {
    let response = await browser.get(url);
    let loggedIn = false;
    if (location(response).pathname === '/oauth/login') {
      const page = await browser.get(location(response).pathname + location(response).search);
      const done = await browser.submit(page, { username: 'admin', password: ADMIN_PASSWORD });
      loggedIn = true;
      response = await browser.get(location(done).pathname + location(done).search);
    }
    return { back: location(response), loggedIn };
  }

  test('prompt=none without a session is login_required, with state and iss', async () => {
    const back = location(await new Browser(ctx.h.app).get(authorizeUrl(client.params({ prompt: 'none', state: 'silent' }))));
    assert.equal(errorOf(back), 'login_required');
    assert.equal(back.searchParams.get('state'), 'silent');
    assert.equal(back.searchParams.get('iss'), ISSUER);
  });

  test('prompt=none with a session issues a code without any page', async () => {
    const browser = await signedInBrowser(ctx.h);
    const response = await browser.get(authorizeUrl(client.params({ prompt: 'none' })));
    assert.equal(response.statusCode, 302);
    assert.ok(location(response).searchParams.get('code'));
  });

  test('prompt=none cannot be combined, and unknown prompts are refused', async () => {
    const browser = await signedInBrowser(ctx.h);
    assert.equal(errorOf(location(await browser.get(authorizeUrl(client.params({ prompt: 'none login' }))))), 'invalid_request');
    assert.equal(errorOf(location(await browser.get(authorizeUrl(client.params({ prompt: 'create' }))))), 'invalid_request');
    assert.equal(errorOf(location(await browser.get(authorizeUrl(client.params({ max_age: '-1' }))))), 'invalid_request');
    assert.equal(errorOf(location(await browser.get(authorizeUrl(client.params({ max_age: 'soon' }))))), 'invalid_request');
  });

  test('prompt=login shows the login page despite a session, and the new sign-in counts', async () => {
    const browser = await signedInBrowser(ctx.h);
    const before = ctx.h.services.clock.now();
    ctx.h.clock.advance(5);
    const { back, loggedIn } = await viaLogin(browser, authorizeUrl(client.params({ prompt: 'login' })));
    assert.equal(loggedIn, true);
    const tokens = (await client.redeem(back)).json();
    const authTime = decodeJwt(tokens.id_token).auth_time as number;
    assert.ok(authTime * 1000 > before, 'auth_time is the new sign-in');
  });

  test('prompt=select_account shows the login page too', async () => {
    const browser = await signedInBrowser(ctx.h);
    assert.equal(location(await browser.get(authorizeUrl(client.params({ prompt: 'select_account' })))).pathname, '/oauth/login');
  });

  test('max_age: a recent sign-in passes, an older one must sign in again', async () => {
    const browser = await signedInBrowser(ctx.h);
    ctx.h.clock.advance(30);
    const fresh = await browser.get(authorizeUrl(client.params({ max_age: '60' })));
    assert.ok(location(fresh).searchParams.get('code'));
    ctx.h.clock.advance(60);
    const stale = await browser.get(authorizeUrl(client.params({ max_age: '60' })));
    assert.equal(location(stale).pathname, '/oauth/login');
    const { back, loggedIn } = await viaLogin(browser, authorizeUrl(client.params({ max_age: '60' })));
    assert.equal(loggedIn, true);
    const claims = decodeJwt((await client.redeem(back)).json().id_token);
    assert.ok(Math.abs((claims.auth_time as number) - Math.floor(ctx.h.services.clock.now() / 1000)) <= 1);
  });

  test('max_age with prompt=none and a stale session is login_required', async () => {
    const browser = await signedInBrowser(ctx.h);
    ctx.h.clock.advance(120);
    assert.equal(errorOf(location(await browser.get(authorizeUrl(client.params({ max_age: '60', prompt: 'none' }))))), 'login_required');
  });

  test('max_age=0 always asks for the password', async () => {
    const browser = await signedInBrowser(ctx.h);
    const { loggedIn, back } = await viaLogin(browser, authorizeUrl(client.params({ max_age: '0' })));
    assert.equal(loggedIn, true);
    assert.ok(back.searchParams.get('code'));
  });

  test('a session ends after 12 hours', async () => {
    const browser = await signedInBrowser(ctx.h);
    ctx.h.clock.advance(12 * 3600 + 1);
    assert.equal(errorOf(location(await browser.get(authorizeUrl(client.params({ prompt: 'none' }))))), 'login_required');
  });
});
