import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CONSOLE_CLIENT_ID } from '../../src/clients/client.js';
import { eachBackend } from '../helpers/each-backend.js';
import { ISSUER, bearer } from '../helpers/harness.js';
import { authorizeUrl, codeClient, formFields, location, pkce, signedInBrowser, type Browser, type TestClient } from './browser.js';

/** Consent page: names the client and scopes; first-party skips; remembered and revocable. */
eachBackend('consent', (ctx) => {
  let browser: Browser;
  let thirdParty: TestClient;
  let clientName: string;
  before(async () => {
    await ctx.h.createUser('consenter', 'consenter-password');
    browser = await signedInBrowser(ctx.h, 'consenter', 'consenter-password');
    thirdParty = await codeClient(ctx.h);
    clientName = (await ctx.h.services.clients.findById(thirdParty.id))!.name;
  });

  test('a third-party client gets a consent page naming it and every scope', async () => {
    const page = await browser.get(authorizeUrl(thirdParty.params({ scope: 'openid profile email view-users offline_access' })));
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`<h1>${clientName}</h1>`));
    for (const text of ['Know who you are', 'See your name and username', 'See your email address', 'View Users', 'Keep access while you are away']) {
      assert.ok(page.body.includes(text), text);
    }
    assert.match(page.body, /value="allow">Allow</);
    assert.match(page.body, /value="deny">Deny</);
    assert.match(String(page.headers['content-security-policy']), /form-action 'self' https:\/\/app\.example;/);
  });

  test('Deny sends access_denied with state and iss', async () => {
    const page = await browser.get(authorizeUrl(thirdParty.params({ state: 'deny-me' })));
    const done = await browser.submit(page, { decision: 'deny' });
    assert.equal(done.statusCode, 303);
    const back = location(done);
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), 'deny-me');
    assert.equal(back.searchParams.get('iss'), ISSUER);
  });

  test('the consent POST needs the session CSRF token (403 without it)', async () => {
    const page = await browser.get(authorizeUrl(thirdParty.params()));
    const fields = formFields(page.body);
    delete fields.csrf_token;
    const response = await browser.post('/oauth/consent', { ...fields, decision: 'allow' });
    assert.equal(response.statusCode, 403);
    const other = await signedInBrowser(ctx.h);
    const foreign = await other.post('/oauth/consent', { ...formFields(page.body), decision: 'allow' });
    assert.equal(foreign.statusCode, 403);
  });

  test('the consent POST re-checks the request: a tampered redirect URI is an error page', async () => {
    const page = await browser.get(authorizeUrl(thirdParty.params()));
    const response = await browser.post('/oauth/consent', { ...formFields(page.body), redirect_uri: 'https://evil.test/cb', decision: 'allow' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers.location, undefined);
  });

  test('Allow issues a code with 303 and is remembered for those scopes', async () => {
    const page = await browser.get(authorizeUrl(thirdParty.params({ scope: 'openid profile' })));
    const done = await browser.submit(page, { decision: 'allow' });
    assert.equal(done.statusCode, 303);
    assert.ok(location(done).searchParams.get('code'));
    const again = await browser.get(authorizeUrl(thirdParty.params({ scope: 'openid' })));
    assert.equal(again.statusCode, 302);
    assert.ok(location(again).searchParams.get('code'));
    const wider = await browser.get(authorizeUrl(thirdParty.params({ scope: 'openid email' })));
    assert.equal(wider.statusCode, 200, 'a new scope asks again');
  });

  test('prompt=consent asks even when consent is remembered', async () => {
    const page = await browser.get(authorizeUrl(thirdParty.params({ scope: 'openid', prompt: 'consent' })));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /action="\/oauth\/consent"/);
    const done = await browser.submit(page, { decision: 'allow' });
    assert.ok(location(done).searchParams.get('code'), 'approving answers the prompt');
  });

  test('prompt=none when consent is needed is consent_required', async () => {
    const fresh = await codeClient(ctx.h);
    const back = location(await browser.get(authorizeUrl(fresh.params({ prompt: 'none', state: 'quiet' }))));
    assert.equal(back.searchParams.get('error'), 'consent_required');
    assert.equal(back.searchParams.get('state'), 'quiet');
  });

  test('trusted (first-party) clients skip consent, the console included', async () => {
    const trusted = await codeClient(ctx.h, { trusted: true });
    assert.ok(location(await browser.get(authorizeUrl(trusted.params()))).searchParams.get('code'));
    const { challenge } = pkce();
    const consoleRequest = {
      response_type: 'code',
      client_id: String(CONSOLE_CLIENT_ID),
      redirect_uri: `${ISSUER}/admin/callback`,
      scope: 'openid profile email *',
      state: 'console',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const back = location(await browser.get(authorizeUrl(consoleRequest)));
    assert.equal(back.origin + back.pathname, `${ISSUER}/admin/callback`);
    assert.ok(back.searchParams.get('code'));
  });

  test('the account page lists the consent; revoking it revokes the tokens and asks again', async () => {
    const client = await codeClient(ctx.h);
    const done = await browser.submit(await browser.get(authorizeUrl(client.params({ scope: 'openid offline_access' }))), { decision: 'allow' });
    const tokens = (await client.redeem(location(done))).json();
    assert.equal((await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(tokens.access_token) })).statusCode, 200);

    const account = await browser.get('/oauth/account');
    const name = (await ctx.h.services.clients.findById(client.id))!.name;
    assert.ok(account.body.includes(name));
    const form = [...account.body.matchAll(/<form method="post" action="\/oauth\/account\/revoke">([\s\S]*?)<\/form>/g)].find((m) => m[1].includes(`value="${client.id}"`));
    assert.ok(form);
    const noCsrf = await browser.post('/oauth/account/revoke', { client_id: String(client.id) });
    assert.equal(noCsrf.statusCode, 403);
    const revoked = await browser.post('/oauth/account/revoke', formFields(form[1]));
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/oauth/account?revoked=1');

    assert.equal((await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(tokens.access_token) })).statusCode, 401);
    const refresh = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', client_id: String(client.id), refresh_token: tokens.refresh_token });
    assert.equal(refresh.json().error, 'invalid_grant');
    assert.equal((await browser.get(authorizeUrl(client.params({ scope: 'openid offline_access' })))).statusCode, 200);
    const events = await ctx.h.services.store.db.selectFrom('audit_events').select('event').where('event', 'in', ['oauth.consent_granted', 'oauth.consent_revoked']).execute();
    assert.ok(events.some((e) => e.event === 'oauth.consent_revoked'));
  });
});
