import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { SYSTEM_CONTEXT } from '../../src/audit/audit-log.js';
import { eachBackend } from '../helpers/each-backend.js';
import { authorizeUrl, codeClient, location, signedInBrowser, type Browser, type TestClient } from './browser.js';

/** SECURITY "Authorization endpoint": exact matching; unknown client or bad URI → a page, never a redirect. */
eachBackend('authorize: redirect URI and client checks', (ctx) => {
  let browser: Browser;
  let web: TestClient;
  let native: TestClient;
  before(async () => {
    browser = await signedInBrowser(ctx.h);
    web = await codeClient(ctx.h, { trusted: true, redirectUris: ['https://app.example/cb', 'https://app.example/other?x=1'] });
    native = await codeClient(ctx.h, { trusted: true, redirectUris: ['http://127.0.0.1:7000/callback', 'http://[::1]/cb', 'http://localhost:7000/cb'] });
  });

  function assertErrorPage(response: Awaited<ReturnType<Browser['get']>>, title: RegExp) {
    assert.equal(response.statusCode, 400);
    assert.equal(response.headers.location, undefined);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    assert.match(response.body, title);
  }

  test('a registered URI matches exactly and gets the code', async () => {
    const back = location(await browser.get(authorizeUrl(web.params())));
    assert.equal(back.origin + back.pathname, 'https://app.example/cb');
    assert.ok(back.searchParams.get('code'));
  });

  test('a registered URI with its own query keeps it and adds the response', async () => {
    const response = await browser.get(authorizeUrl(web.params({ redirect_uri: 'https://app.example/other?x=1' })));
    assert.match(String(response.headers.location), /^https:\/\/app\.example\/other\?x=1&code=/);
  });

  for (const variant of [
    'https://app.example/cb/',
    'https://app.example/cb/../cb',
    'https://app.example/cbx',
    'https://app.example/c',
    'https://APP.example/cb',
    'https://app.example:443/cb',
    'https://app.example/cb?x=1',
    'https://app.example/cb#frag',
    'http://app.example/cb',
    'https://app.example.evil.test/cb',
    'https://evil.test/cb',
    'https://app.example/other',
  ]) {
    test(`a variant is refused with an error page: ${variant}`, async () => {
      assertErrorPage(await browser.get(authorizeUrl(web.params({ redirect_uri: variant }))), /Invalid redirect address/);
    });
  }

  test('a client with several URIs must name one', async () => {
    const params = web.params();
    delete params.redirect_uri;
    assertErrorPage(await browser.get(authorizeUrl(params)), /Invalid redirect address/);
  });

  test('a client with one URI may leave it out', async () => {
    const single = await codeClient(ctx.h, { trusted: true });
    const params = single.params();
    delete params.redirect_uri;
    const back = location(await browser.get(authorizeUrl(params)));
    assert.equal(back.origin + back.pathname, 'https://app.example/cb');
    const token = await single.redeem(back, { redirect_uri: '' });
    assert.equal(token.statusCode, 200, token.body);
  });

  test('a loopback IP redirect URI may use any port (RFC 8252 §7.3)', async () => {
    for (const uri of ['http://127.0.0.1:51234/callback', 'http://127.0.0.1/callback', 'http://[::1]:4000/cb']) {
      const back = location(await browser.get(authorizeUrl(native.params({ redirect_uri: uri }))));
      assert.equal(back.origin + back.pathname, uri);
      assert.ok(back.searchParams.get('code'), uri);
    }
  });

  test('only the port may vary on loopback: path, host and scheme may not', async () => {
    for (const uri of ['http://127.0.0.1:51234/callback/', 'http://127.0.0.1:51234/other', 'http://127.0.0.2:7000/callback', 'https://127.0.0.1:7000/callback', 'http://localhost:7001/cb']) {
      assertErrorPage(await browser.get(authorizeUrl(native.params({ redirect_uri: uri }))), /Invalid redirect address/);
    }
  });

  test('an unknown, malformed or missing client_id is an error page', async () => {
    for (const clientId of ['999999', 'abc', '0', '']) {
      assertErrorPage(await browser.get(authorizeUrl(web.params({ client_id: clientId }))), /Unknown application/);
    }
  });

  test('a repeated client_id or redirect_uri is an error page', async () => {
    const base = new URLSearchParams(web.params());
    const twice = (name: string, value: string) => {
      const params = new URLSearchParams(base);
      params.append(name, value);
      return `/oauth/authorize?${params}`;
    };
    assertErrorPage(await browser.get(twice('client_id', String(native.id))), /Unknown application/);
    assertErrorPage(await browser.get(twice('redirect_uri', 'https://app.example/cb')), /Invalid redirect address/);
  });

  test('a revoked client is an error page', async () => {
    const revoked = await codeClient(ctx.h, { trusted: true });
    await ctx.h.services.clientService.update(revoked.id, { revoked: true }, SYSTEM_CONTEXT);
    assertErrorPage(await browser.get(authorizeUrl(revoked.params())), /Unknown application/);
  });

  test('the error page is the same when nobody is signed in', async () => {
    const anonymous = await browser.app.inject({ url: authorizeUrl(web.params({ redirect_uri: 'https://evil.test/cb' })) });
    assertErrorPage(anonymous, /Invalid redirect address/);
  });
});
