import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { ADMIN_PASSWORD } from '../helpers/harness.js';
import { browserSkipReason, launchBrowser, newPage, row, screenshot, signIn } from './browser.js';
import { adminHeaders, startLiveServer, type LiveServer } from './live-server.js';

const skip = browserSkipReason();
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Permissions, keyboard, small screens and the session: sign-out and silent refresh. */
describe('console: access, keyboard, 360 px and the session', { skip }, () => {
  let server: LiveServer;
  let browser: Browser;

  before(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    const viewer = await server.h.createUser('viewer', 'viewer-password-1', {});
    const response = await fetch(`${server.origin}/api/1.0/users/${viewer}`, {
      method: 'PUT',
      headers: await adminHeaders(server),
      body: JSON.stringify({ permissions: ['view-users'] }),
    });
    assert.equal(response.status, 200);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('hides what a user lacks permission for: no Auth Clients page without view-auth_clients', async () => {
    const { context, page } = await newPage(browser, server.origin);
    await signIn(page, server.origin, 'viewer', 'viewer-password-1');
    assert.match(page.url(), /\/admin\/users$/);
    assert.equal(await nav(page).getByRole('link', { name: 'Auth Clients' }).count(), 0);
    assert.equal(await nav(page).getByRole('link', { name: 'Security Logs' }).count(), 0);
    await row(page, 'viewer').waitFor();
    assert.equal(await page.getByRole('button', { name: '+User' }).count(), 0);
    await row(page, 'admin').getByRole('button', { name: 'Actions for admin' }).click();
    assert.deepEqual(await page.getByRole('menuitem').allTextContents(), ['Open User']);
    await page.keyboard.press('Escape');
    await page.goto(`${server.origin}/admin/auth-clients`);
    await page.getByRole('heading', { name: 'You do not have access to this page' }).waitFor();
    assert.equal(await page.getByRole('button', { name: '+Auth Client' }).count(), 0);
    const api = await page.evaluate(`fetch('/api/1.0/auth_clients').then((r) => r.status)`);
    assert.equal(api, 401, 'the API needs the bearer token the page keeps in memory');
    await context.close();
  });

  it('works with the keyboard alone, with a visible focus ring', async () => {
    const { context, page } = await newPage(browser, server.origin);
    await signIn(page, server.origin, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Auth Clients' }).waitFor();
    let focused = '';
    for (let i = 0; i < 30 && focused !== '+Auth Client'; i++) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate('document.activeElement?.textContent ?? ""')) as string;
    }
    assert.equal(focused, '+Auth Client');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create Auth-Client' });
    await dialog.waitFor();
    await page.keyboard.type('Keyboard Client');
    await page.keyboard.press('Tab'); // Enable Authorization Code Grant
    await page.keyboard.press('Tab'); // Enable Password Grant
    await page.keyboard.press('Space');
    assert.equal(await dialog.getByLabel('Enable Password Grant').isChecked(), true);
    await dialog.getByLabel('Name').press('Enter');
    await page.getByRole('dialog', { name: 'Auth Client Created' }).waitFor();
    await page.keyboard.press('Escape');
    await row(page, 'Keyboard Client').waitFor();
    await row(page, 'Keyboard Client').getByRole('button', { name: 'Actions for Keyboard Client' }).focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Edit Auth Client');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Delete Auth Client');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Delete Auth Client' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await context.close();
  });

  it('is usable at 360 px wide: no sideways scrolling, navigation in a menu', async () => {
    const { context, page } = await newPage(browser, server.origin, { width: 360, height: 740 });
    await signIn(page, server.origin, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Auth Clients' }).waitFor();
    await row(page, 'Keyboard Client').waitFor();
    assert.ok((await page.evaluate('document.documentElement.scrollWidth')) as number <= 360, 'no horizontal overflow');
    await screenshot(page, 'auth-clients-mobile.png');
    await page.getByRole('button', { name: '+Auth Client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Auth-Client' });
    const box = await dialog.boundingBox();
    assert.ok(box && box.width <= 360 && box.x >= 0, 'the modal fits');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Menu' }).click();
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    assert.ok((await page.evaluate('document.documentElement.scrollWidth')) as number <= 360);
    await context.close();
  });

  it('refreshes silently with rotation when the access token expires', async () => {
    const { context, page } = await newPage(browser, server.origin);
    const refreshes: Request[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/oauth/token') && request.postData()?.includes('grant_type=refresh_token')) refreshes.push(request);
    });
    await signIn(page, server.origin, 'admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Auth Clients' }).waitFor();
    server.h.clock.advance(3700);
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await row(page, 'viewer').waitFor();
    assert.equal(refreshes.length, 1);
    const used = new URLSearchParams(refreshes[0].postData() ?? '').get('refresh_token')!;
    const replay = await fetch(`${server.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: used, client_id: '1' }),
    });
    assert.equal(replay.status, 400, 'the rotated refresh token is single use');
    await context.close();
  });

  it('signs out: ends the server session, and the console asks for the password again', async () => {
    const { context, page } = await newPage(browser, server.origin);
    await signIn(page, server.origin, 'admin', ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username or email').waitFor();
    await page.goto(`${server.origin}/admin/users`);
    await page.getByLabel('Username or email').waitFor();
    assert.match(page.url(), /\/oauth\/login/);
    await context.close();
  });
});

describe('console: hashed client secrets', { skip }, () => {
  let server: LiveServer;
  let browser: Browser;
  before(async () => {
    server = await startLiveServer({ GATEHOUSE_CLIENT_SECRETS: 'hashed' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the secret once at creation; no copy icon later, and a note says why', async () => {
    const { page } = await newPage(browser, server.origin);
    await signIn(page, server.origin, 'admin', ADMIN_PASSWORD);
    await page.getByRole('note').getByText('Client secrets are stored hashed').waitFor();
    await page.getByRole('button', { name: '+Auth Client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Auth-Client' });
    await dialog.getByLabel('Name').fill('Hashed Client');
    await dialog.getByLabel('Enable Client Credentials Grant').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const created = page.getByRole('dialog', { name: 'Auth Client Created' });
    await created.getByText('it will not be shown again').waitFor();
    const secret = ((await created.getByLabel('Client Secret').textContent()) ?? '').trim();
    await created.getByRole('button', { name: 'Done' }).click();
    await row(page, 'Hashed Client').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Copy Client Secret to Clipboard' }).count(), 0);
    const token = await fetch(`${server.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: '3', client_secret: secret }),
    });
    assert.equal(token.status, 200);
  });
});
