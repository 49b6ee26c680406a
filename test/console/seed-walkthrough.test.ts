import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '../helpers/harness.js';
import { browserSkipReason, launchBrowser, newPage, readClipboard, row, screenshot, signIn } from './browser.js';
import { startLiveServer, type LiveServer } from './live-server.js';

const skip = browserSkipReason();

async function passwordGrant(origin: string, clientId: string, secret: string) {
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, client_secret: secret, username: 'admin', password: ADMIN_PASSWORD }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function apiMe(origin: string, accessToken: string): Promise<number> {
  return (await fetch(`${origin}/api/1.0/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

/**
 * The seed document, step by step, in a real browser against a real server on SQLite:
 * creating a password-grant client in the console, copying its secret, and using both at
 * the token endpoint; then editing, regenerating and deleting it.
 */
describe('console: the seed walk-through (Auth Clients)', { skip }, () => {
  let server: LiveServer;
  let browser: Browser;
  let page: Page;
  let secret = '';
  let accessToken = '';

  before(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server.origin));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in as admin through /oauth/authorize', async () => {
    await signIn(page, server.origin, 'admin', ADMIN_PASSWORD, (login) => screenshot(login, 'login.png'));
    assert.match(page.url(), /\/admin\/auth-clients$/);
  });

  it('step 1: View authenticated clients — the Auth Clients page displays', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Auth Clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auth Clients' }).waitFor();
  });

  it('steps 2–5: +Auth Client, Name, grant type, Save', async () => {
    await page.getByRole('button', { name: '+Auth Client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Auth-Client' });
    await dialog.waitFor();
    await dialog.getByLabel('Name').fill('Password Grant');
    await dialog.getByLabel('Enable Password Grant').check();
    await screenshot(page, 'create-auth-client.png');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const created = page.getByRole('dialog', { name: 'Auth Client Created' });
    await created.waitFor();
    assert.match(await created.textContent() ?? '', /Password Grant has client id 3/);
    await created.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('status').getByText('Auth client Password Grant created with client id 3.').waitFor();
  });

  it('step 6: client id 3 in the table; Copy Client Secret to Clipboard copies the full secret', async () => {
    const line = row(page, 'Password Grant');
    await line.waitFor();
    assert.equal((await line.getByRole('cell').first().textContent())?.trim(), '3');
    assert.doesNotMatch(await line.textContent() ?? '', /[A-Za-z0-9]{40}/, 'the secret is masked');
    await screenshot(page, 'auth-clients.png', { toasts: true });
    await line.getByRole('button', { name: 'Copy Client Secret to Clipboard' }).click();
    await page.getByRole('status').getByText('Client secret of Password Grant copied to the clipboard.').waitFor();
    secret = await readClipboard(page);
    assert.match(secret, /^[A-Za-z0-9]{40}$/);
  });

  it('the copied id and secret work at /oauth/token with the password grant', async () => {
    const { status, body } = await passwordGrant(server.origin, '3', secret);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.token_type, 'Bearer');
    accessToken = body.access_token;
    assert.equal(await apiMe(server.origin, accessToken), 200);
  });

  it('shows server validation messages under each field', async () => {
    await page.getByRole('button', { name: '+Auth Client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Auth-Client' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The Name field is required.').waitFor();
    await dialog.getByText('The Auth-Client must have at least 1 item chosen.').waitFor();
    assert.equal(await dialog.getByLabel('Name').getAttribute('aria-invalid'), 'true');
    await dialog.getByLabel('Name').fill('Needs a redirect');
    await dialog.getByLabel('Enable Authorization Code Grant').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('The Redirect field is required.').waitFor();
    await dialog.getByLabel('Redirect URL', { exact: true }).fill('http://example.com/callback#x');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('#redirect-url-errors').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await row(page, 'Needs a redirect').count(), 0);
  });

  it('edits the client: adds the authorization code grant with two redirect URLs', async () => {
    await row(page, 'Password Grant').getByRole('button', { name: 'Actions for Password Grant' }).click();
    await page.getByRole('menuitem', { name: 'Edit Auth Client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Auth Client' });
    assert.equal(await dialog.getByLabel('Name').inputValue(), 'Password Grant');
    assert.equal(await dialog.getByLabel('Enable Password Grant').isChecked(), true);
    await dialog.getByLabel('Enable Authorization Code Grant').check();
    await dialog.getByLabel('Redirect URL', { exact: true }).fill('https://app.example.com/callback');
    await dialog.getByRole('button', { name: 'Add another Redirect URL' }).click();
    await dialog.getByLabel('Redirect URL 2', { exact: true }).fill('http://localhost:3000/callback');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Auth client Password Grant saved.').waitFor();
    const line = row(page, 'Password Grant');
    await line.getByText('https://app.example.com/callback').waitFor();
    await line.getByText('http://localhost:3000/callback').waitFor();
  });

  it('regenerates the secret: the new one works, the old one stops at once', async () => {
    await row(page, 'Password Grant').getByRole('button', { name: 'Actions for Password Grant' }).click();
    await page.getByRole('menuitem', { name: 'Regenerate secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Regenerate secret' });
    await dialog.getByLabel('Keep the old secret working for').selectOption('0');
    await dialog.getByRole('button', { name: 'Regenerate secret' }).click();
    await page.getByRole('status').getByText('The secret of Password Grant was regenerated.').waitFor();
    const fresh = ((await dialog.getByLabel('New Client Secret').textContent()) ?? '').trim();
    assert.match(fresh, /^[A-Za-z0-9]{40}$/);
    assert.notEqual(fresh, secret);
    await dialog.getByRole('button', { name: 'Copy Client Secret' }).click();
    assert.equal(await readClipboard(page), fresh);
    await dialog.getByRole('button', { name: 'Done' }).click();
    assert.equal((await passwordGrant(server.origin, '3', secret)).status, 401);
    const renewed = await passwordGrant(server.origin, '3', fresh);
    assert.equal(renewed.status, 200);
    accessToken = renewed.body.access_token;
  });

  it('deletes the client after "Are you sure…", and its token is rejected', async () => {
    assert.equal(await apiMe(server.origin, accessToken), 200);
    await row(page, 'Password Grant').getByRole('button', { name: 'Actions for Password Grant' }).click();
    await page.getByRole('menuitem', { name: 'Delete Auth Client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Auth Client' });
    await dialog.getByText('Are you sure you want to delete the auth client Password Grant?').waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('status').getByText('The auth client Password Grant was deleted.').waitFor();
    await row(page, 'Password Grant').waitFor({ state: 'detached' });
    assert.equal(await apiMe(server.origin, accessToken), 401);
  });

  it('searches and pages through the table, with "No Data Available" when nothing matches', async () => {
    for (let i = 1; i <= 11; i++) await server.h.createClient(['client_credentials'], { name: `Batch ${String(i).padStart(2, '0')}` });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Auth Clients' }).waitFor();
    await page.getByText('Showing 1–10 of 13').waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('Showing 11–13 of 13').waitFor();
    await page.getByLabel('Search auth clients').fill('Batch 07');
    await page.getByText('Showing 1–1 of 1').waitFor();
    await row(page, 'Batch 07').waitFor();
    await page.getByLabel('Search auth clients').fill('no such client');
    await page.getByRole('cell', { name: 'No Data Available' }).waitFor();
    assert.deepEqual((page as Page & { problems?: string[] }).problems, []);
  });
});
