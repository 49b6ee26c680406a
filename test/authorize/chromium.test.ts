import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser as Chromium } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../console/browser.js';
import type { Harness } from '../helpers/harness.js';
import { ADMIN_PASSWORD } from '../helpers/harness.js';
import { openStore } from '../../src/storage/database.js';
import { liveHarness } from '../oidc/live-server.js';
import { pkce } from './browser.js';

const skip = browserSkipReason();
const CLIENT_ORIGIN = 'https://app.example';

/**
 * A real browser (Debian's Chromium) completes sign-in on a fresh server: keyboard only,
 * at 360 px, with the pages' CSP enforced (form-action must allow the client's redirect
 * after each form post) and no console errors.
 */
describe('authorize: sign-in in Chromium', { skip }, () => {
  let h: Harness;
  let issuer: string;
  let chromium: Chromium;
  before(async () => {
    ({ h, issuer } = await liveHarness({ name: 'sqlite', open: async () => openStore('sqlite:') }));
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await h?.close();
  });

  async function run(options: { trusted: boolean; width: number }) {
    const { id } = await h.createClient(['authorization_code'], { confidential: false, trusted: options.trusted, redirectUris: [`${CLIENT_ORIGIN}/cb`] });
    const context = await chromium.newContext({ viewport: { width: options.width, height: 740 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    let callback: URL | undefined;
    await page.route(`${CLIENT_ORIGIN}/**`, (route) => {
      callback = new URL(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>client</title><p>back at the client</p>' });
    });
    const { challenge } = pkce();
    const query = new URLSearchParams({ response_type: 'code', client_id: String(id), redirect_uri: `${CLIENT_ORIGIN}/cb`, scope: 'openid profile', state: 'chromium', code_challenge: challenge, code_challenge_method: 'S256' });
    await page.goto(`${issuer}/oauth/authorize?${query}`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.equal(overflow, 0, 'no horizontal scrolling');
    // Keyboard only: the username field has focus; Tab to the password; Enter submits.
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    if (!options.trusted) {
      await page.getByRole('button', { name: 'Allow' }).waitFor();
      await page.getByRole('button', { name: 'Allow' }).focus();
      await page.keyboard.press('Enter');
    }
    await page.getByText('back at the client').waitFor();
    await context.close();
    assert.ok(callback, 'the browser reached the client');
    assert.equal(callback.searchParams.get('state'), 'chromium');
    assert.equal(callback.searchParams.get('iss'), issuer);
    assert.match(callback.searchParams.get('code') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(problems, []);
  }

  test('a first-party client: login form, then straight back (desktop width)', async () => {
    await run({ trusted: true, width: 1280 });
  });

  test('a third-party client: login, consent, back (360 px)', async () => {
    await run({ trusted: false, width: 360 });
  });
});
