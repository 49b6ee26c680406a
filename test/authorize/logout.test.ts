import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { SYSTEM_CONTEXT } from '../../src/audit/audit-log.js';
import { eachBackend } from '../helpers/each-backend.js';
import { authorizeUrl, codeClient, formFields, location, signedInBrowser, type TestClient } from './browser.js';

/** SECURITY "Session cookie": logout ends the session on the server; post_logout_redirect_uri registered per client. */
eachBackend('logout', (ctx) => {
  let client: TestClient;
  const AFTER = 'https://app.example/signed-out';
  before(async () => {
    client = await codeClient(ctx.h, { trusted: true });
    await ctx.h.services.clientService.update(client.id, { postLogoutRedirectUris: [AFTER] }, SYSTEM_CONTEXT);
  });

  async function idTokenFor(browser: Awaited<ReturnType<typeof signedInBrowser>>): Promise<string> {
    return (await client.redeem(location(await browser.get(authorizeUrl(client.params()))))).json().id_token;
  }

  test('with a matching id_token_hint: the session ends and the browser returns with state', async () => {
    const browser = await signedInBrowser(ctx.h);
    const idToken = await idTokenFor(browser);
    const cookie = browser.cookies.get('gatehouse_session')!;
    const response = await browser.get(`/oauth/logout?${new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: AFTER, state: 'bye' })}`);
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, `${AFTER}?state=bye`);
    assert.equal(browser.cookies.has('gatehouse_session'), false);
    // Ended on the server: replaying the old cookie signs nobody in.
    const replay = await ctx.h.app.inject({ url: authorizeUrl(client.params({ prompt: 'none' })), headers: { cookie: `gatehouse_session=${cookie}` } });
    assert.equal(location(replay).searchParams.get('error'), 'login_required');
    const events = await ctx.h.services.store.db.selectFrom('audit_events').select('event').where('event', '=', 'user.logged_out').execute();
    assert.ok(events.length > 0);
  });

  test('without a hint the user confirms with a CSRF-protected form', async () => {
    const browser = await signedInBrowser(ctx.h);
    const page = await browser.get(`/oauth/logout?${new URLSearchParams({ client_id: String(client.id), post_logout_redirect_uri: AFTER, state: 's' })}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Sign out of Gatehouse\?/);
    assert.match(String(page.headers['content-security-policy']), /form-action 'self' https:\/\/app\.example;/);
    const fields = formFields(page.body);
    const forged = await browser.post('/oauth/logout', { ...fields, csrf_token: 'forged' });
    assert.equal(forged.statusCode, 403);
    assert.ok(browser.cookies.has('gatehouse_session'));
    const done = await browser.submit(page, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `${AFTER}?state=s`);
    assert.equal((await browser.get('/oauth/account')).headers.location, '/oauth/login');
  });

  test('from the account page, logout lands on the signed-out page', async () => {
    const browser = await signedInBrowser(ctx.h);
    const account = await browser.get('/oauth/account');
    const signOut = [...account.body.matchAll(/<form method="post" action="\/oauth\/logout">([\s\S]*?)<\/form>/g)][0];
    const done = await browser.post('/oauth/logout', formFields(signOut[1]));
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/oauth/logout');
    const page = await browser.get('/oauth/logout');
    assert.match(page.body, /You have signed out/);
  });

  test('an unregistered post_logout_redirect_uri is an error page, never a redirect', async () => {
    const browser = await signedInBrowser(ctx.h);
    for (const query of <Record<string, string>[]>[
      { client_id: String(client.id), post_logout_redirect_uri: 'https://evil.test/' },
      { client_id: String(client.id), post_logout_redirect_uri: `${AFTER}/` },
      { post_logout_redirect_uri: AFTER },
      { client_id: '99999', post_logout_redirect_uri: AFTER },
      { id_token_hint: 'not-a-jwt', post_logout_redirect_uri: AFTER },
    ]) {
      const response = await browser.get(`/oauth/logout?${new URLSearchParams(query)}`);
      assert.equal(response.statusCode, 400, JSON.stringify(query));
      assert.equal(response.headers.location, undefined);
    }
    assert.ok(browser.cookies.has('gatehouse_session'), 'nothing was ended');
  });

  test("a hint for another user asks first instead of ending this user's session", async () => {
    const other = await signedInBrowser(ctx.h);
    const otherToken = await idTokenFor(other);
    await ctx.h.createUser('logout-two', 'logout-two-password');
    const browser = await signedInBrowser(ctx.h, 'logout-two', 'logout-two-password');
    const page = await browser.get(`/oauth/logout?${new URLSearchParams({ id_token_hint: otherToken })}`);
    assert.equal(page.statusCode, 200);
    assert.ok(browser.cookies.has('gatehouse_session'));
  });

  test('without a session it simply redirects or shows the signed-out page', async () => {
    const anonymous = await ctx.h.app.inject({ url: `/oauth/logout?${new URLSearchParams({ client_id: String(client.id), post_logout_redirect_uri: AFTER })}` });
    assert.equal(anonymous.statusCode, 302);
    assert.equal(anonymous.headers.location, AFTER);
  });
});
