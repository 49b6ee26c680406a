import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD } from '../helpers/harness.js';
import { browserSkipReason, launchBrowser, newPage, readClipboard, row, screenshot, signIn } from './browser.js';
import { adminHeaders, startLiveServer, type LiveServer } from './live-server.js';

const skip = browserSkipReason();
const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Users (with permissions and API tokens), Groups and Security Logs, as an administrator. */
describe('console: users, groups, tokens and security logs', { skip }, () => {
  let server: LiveServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server.origin));
    await signIn(page, server.origin, 'admin', ADMIN_PASSWORD);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a user, shows server validation, and opens the new user', async () => {
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('button', { name: '+User' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create User' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('.gh-field__errors').first().waitFor();
    await dialog.getByLabel('Username').fill('jdoe');
    await dialog.getByLabel('Email').fill('jdoe@example.test');
    await dialog.getByLabel('First Name').fill('Jane');
    await dialog.getByLabel('Last Name').fill('Doe');
    await dialog.getByLabel('Password').fill('correct horse battery');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jane Doe' }).waitFor();
    await page.getByRole('status').getByText('User jdoe created.').waitFor();
  });

  it("sets the user's permissions", async () => {
    await page.getByRole('tab', { name: 'Permissions' }).click();
    await page.getByLabel('View Users').check();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Permissions of jdoe saved.').waitFor();
    const detail = await (await fetch(`${server.origin}/api/1.0/users/2`, { headers: await adminHeaders(server) })).json();
    assert.deepEqual(detail.permissions, ['view-users']);
  });

  it('creates an API token shown once with a copy button, which works until revoked', async () => {
    await page.getByRole('tab', { name: 'API Tokens' }).click();
    await page.getByRole('button', { name: '+API Token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API Token' });
    await dialog.getByLabel('Token Name').fill('deploy script');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const created = page.getByRole('dialog', { name: 'API Token Created' });
    await created.getByText('it will not be shown again').waitFor();
    await created.getByRole('button', { name: 'Copy Token' }).click();
    const token = await readClipboard(page);
    assert.equal(token, ((await created.getByLabel('API Token').textContent()) ?? '').trim());
    await created.getByRole('button', { name: 'Done' }).click();
    const me = await fetch(`${server.origin}/api/1.0/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).username, 'jdoe');
    await row(page, 'deploy script').getByRole('button', { name: 'Actions for token deploy script' }).click();
    await page.getByRole('menuitem', { name: 'Revoke Token' }).click();
    await page.getByRole('dialog', { name: 'Revoke Token' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('status').getByText('Token deploy script revoked.').waitFor();
    assert.equal((await fetch(`${server.origin}/api/1.0/me`, { headers: { authorization: `Bearer ${token}` } })).status, 401);
  });

  it('lists, searches and disables users', async () => {
    await nav(page).getByRole('link', { name: 'Users' }).click();
    await row(page, 'jdoe').waitFor();
    await screenshot(page, 'users.png');
    await page.getByLabel('Search users').fill('jane');
    await page.getByText('Showing 1–1 of 1').waitFor();
    await row(page, 'jdoe').getByRole('button', { name: 'Actions for jdoe' }).click();
    await page.getByRole('menuitem', { name: 'Disable User' }).click();
    await page.getByRole('status').getByText('User jdoe disabled.').waitFor();
    await row(page, 'jdoe').getByText('Inactive').waitFor();
    await row(page, 'jdoe').getByRole('button', { name: 'Actions for jdoe' }).click();
    await page.getByRole('menuitem', { name: 'Enable User' }).click();
    await row(page, 'jdoe').getByText('Active', { exact: true }).waitFor();
  });

  it('creates a group and adds a member', async () => {
    await nav(page).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('button', { name: '+Group' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create Group' });
    await dialog.getByLabel('Name').fill('Operators');
    await dialog.getByLabel('Description').fill('People on call');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Group Operators created.').waitFor();
    await row(page, 'Operators').getByRole('link', { name: 'Operators' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operators' }).waitFor();
    await page.getByLabel('Add a member').selectOption({ label: 'jdoe (Jane Doe)' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await row(page, 'jdoe').waitFor();
    await page.getByRole('tab', { name: 'Permissions' }).click();
    await page.getByLabel('View Security Logs').check();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Permissions of Operators saved.').waitFor();
  });

  it('shows security logs with filters and pagination', async () => {
    await nav(page).getByRole('link', { name: 'Security Logs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Security Logs' }).waitFor();
    await row(page, 'user.created').first().waitFor();
    await screenshot(page, 'security-logs.png');
    await page.getByLabel('Event').fill('group.created');
    await page.getByRole('button', { name: 'Apply Filters' }).click();
    await page.getByText('Showing 1–1 of 1').waitFor();
    assert.equal(await row(page, 'user.created').count(), 0);
    await page.getByRole('button', { name: 'Clear' }).click();
    await row(page, 'user.created').first().waitFor();
  });
});
