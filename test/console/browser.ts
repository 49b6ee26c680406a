import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs the `chromium` package); never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Why browser tests cannot run here, or undefined when they can. Without Chromium a local
 * run skips with this message; in CI (CI=true) its absence is a failure.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') throw new Error(`CI requires Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return `Chromium not found at ${CHROMIUM}: install Debian's chromium package to run the console browser tests`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser profile (no cookies) with clipboard access for the console's origin. */
export async function newPage(browser: Browser, origin: string, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  (page as Page & { problems?: string[] }).problems = problems;
  return { context, page };
}

/** Opens the console and signs in on Gatehouse's login page, as a user would. */
export async function signIn(page: Page, origin: string, username: string, password: string, beforeSubmit?: (page: Page) => Promise<void>): Promise<void> {
  await page.goto(`${origin}/admin/`);
  await page.getByLabel('Username or email').fill(username);
  await page.getByLabel('Password').fill(password);
  await beforeSubmit?.(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Saves docs/screenshots/NAME; toasts are left out unless `toasts` (they pile up during a run). */
export async function screenshot(page: Page, name: string, options: { toasts?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The console's CSP refuses injected <style>, so toasts are put away by script instead.
  if (!options.toasts) await page.evaluate(`document.querySelector('.gh-toasts:popover-open')?.hidePopover()`);
  await page.screenshot({ path: join(SCREENSHOTS, name), animations: 'disabled', caret: 'hide' });
}

export async function readClipboard(page: Page): Promise<string> {
  return page.evaluate('navigator.clipboard.readText()') as Promise<string>;
}

/** The table row that contains `text` (a row is a card below 720 px; still a <tr>). */
export function row(page: Page, text: string) {
  return page.getByRole('row').filter({ hasText: text });
}
