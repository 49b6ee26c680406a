import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, newPage, signIn } from './browser.js';
import { adminHeaders, startLiveServer, type LiveServer } from './live-server.js';

const skip = browserSkipReason();
const FIRST = 'plain-password-1';
const SECOND = 'plain-password-2';

/** Every signed-in user manages their own profile, without any permission (DESIGN §7). */
describe('console: own profile for a user without permissions', { skip }, () => {
  let server: LiveServer;
  let browser: Browser;
  let page: Page;
  let id: number;

  before(async () => {
    server = await startLiveServer();
    browser = await launchBrowser();
    id = await server.h.createUser('plain', FIRST);
    ({ page } = await newPage(browser, server.origin));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const field = (label: string) => page.getByLabel(label, { exact: true });

  it('lands on Profile and saves a new first name through the API', async () => {
    await signIn(page, server.origin, 'plain', FIRST);
    assert.match(page.url(), /\/admin\/profile$/);
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    assert.equal(await page.getByText('Ask an administrator').count(), 0);
    await field('First Name').fill('Penelope');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Your details were saved.').waitFor();
    const shown = await (await fetch(`${server.origin}/api/1.0/users/${id}`, { headers: await adminHeaders(server) })).json();
    assert.equal(shown.firstname, 'Penelope');
    assert.equal(shown.username, 'plain');
  });

  it('refuses a wrong current password under its field', async () => {
    await field('Current Password').fill('not-my-password');
    await field('New Password').fill(SECOND);
    await field('Confirm New Password').fill(SECOND);
    await page.getByRole('button', { name: 'Change Password' }).click();
    await page.getByText('The current password is incorrect.').waitFor();
  });

  it('changes the password with the current one, signs out with a message, and the new one signs in', async () => {
    await field('Current Password').fill(FIRST);
    await page.getByRole('button', { name: 'Change Password' }).click();
    const notice = page.getByRole('alert');
    await notice.getByRole('heading', { name: 'You have been signed out' }).waitFor();
    await notice.getByText('Sign in again with your new password.').waitFor();
    await notice.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByLabel('Username or email').fill('plain');
    await page.getByLabel('Password').fill(FIRST);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The username, email or password is not correct.').waitFor();
    await page.getByLabel('Username or email').fill('plain');
    await page.getByLabel('Password').fill(SECOND);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    assert.equal(await field('First Name').inputValue(), 'Penelope');
    assert.deepEqual((page as Page & { problems?: string[] }).problems, []);
  });

  it('fits 360 px, every control labelled', async () => {
    const small = await newPage(browser, server.origin, { width: 360, height: 740 });
    await small.page.goto(`${server.origin}/admin/`);
    await small.page.getByLabel('Username or email').fill('plain');
    await small.page.getByLabel('Password').fill(SECOND);
    await small.page.getByRole('button', { name: 'Sign in' }).click();
    await small.page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    assert.ok((await small.page.evaluate('document.documentElement.scrollWidth')) as number <= 360, 'no horizontal overflow');
    const unlabelled = await small.page.evaluate(`[...document.querySelectorAll('main input, main select, main textarea')].filter((el) => !el.labels?.length && !el.getAttribute('aria-label')).length`);
    assert.equal(unlabelled, 0);
    await small.context.close();
  });
});
