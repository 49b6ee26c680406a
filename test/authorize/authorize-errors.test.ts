import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ISSUER } from '../helpers/harness.js';
import { Browser, authorizeUrl, codeClient, location, signedInBrowser, type TestClient } from './browser.js';

/** SECURITY "Authorization endpoint": other errors redirect with error, the original state and iss (RFC 9207). */
eachBackend('authorize: error and success responses', (ctx) => {
  let browser: Browser;
  let client: TestClient;
  before(async () => {
    browser = await signedInBrowser(ctx.h);
    client = await codeClient(ctx.h, { trusted: true });
  });

  async function expectError(params: Record<string, string>, error: string, state: string | null = params.state ?? null) {
    const response = await browser.get(authorizeUrl(params));
    assert.equal(response.statusCode, 302);
    const back = location(response);
    assert.equal(back.origin + back.pathname, 'https://app.example/cb');
    assert.equal(back.searchParams.get('error'), error);
    assert.ok(back.searchParams.get('error_description'));
    assert.equal(back.searchParams.get('state'), state);
    assert.equal(back.searchParams.get('iss'), ISSUER);
    assert.equal(back.searchParams.get('code'), null);
    return back;
  }

  test('success carries the code, the state unchanged and iss', async () => {
    const state = 'a state with spaces & symbols/?=';
    const back = location(await browser.get(authorizeUrl(client.params({ state }))));
    assert.match(back.searchParams.get('code') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.equal(back.searchParams.get('state'), state);
    assert.equal(back.searchParams.get('iss'), ISSUER);
  });

  test('without state the response has none', async () => {
    const params = client.params();
    delete params.state;
    const back = location(await browser.get(authorizeUrl(params)));
    assert.equal(back.searchParams.has('state'), false);
    assert.equal(back.searchParams.get('iss'), ISSUER);
  });

  test('a missing response_type is invalid_request', async () => {
    const params = client.params();
    delete params.response_type;
    await expectError(params, 'invalid_request');
  });

  for (const type of ['token', 'id_token', 'code id_token', 'code token']) {
    test(`response_type=${type} is unsupported_response_type`, async () => {
      await expectError(client.params({ response_type: type }), 'unsupported_response_type');
    });
  }

  test('response_mode other than query is invalid_request', async () => {
    await expectError(client.params({ response_mode: 'fragment' }), 'invalid_request');
    await expectError(client.params({ response_mode: 'form_post' }), 'invalid_request');
    const ok = location(await browser.get(authorizeUrl(client.params({ response_mode: 'query' }))));
    assert.ok(ok.searchParams.get('code'));
  });

  test('an unknown scope is invalid_scope', async () => {
    await expectError(client.params({ scope: 'openid launch-missiles' }), 'invalid_scope');
  });

  test('a client without the authorization code grant is unauthorized_client', async () => {
    const other = await ctx.h.createClient(['password'], { redirectUris: ['https://app.example/cb'] });
    const params = client.params({ client_id: String(other.id) });
    await expectError(params, 'unauthorized_client');
  });

  test('request objects are refused as OIDC Core §6 says', async () => {
    await expectError(client.params({ request: 'eyJhbGciOiJub25lIn0.e30.' }), 'request_not_supported');
    await expectError(client.params({ request_uri: 'https://app.example/req' }), 'request_uri_not_supported');
  });

  test('a repeated parameter is invalid_request, with the state when it was not the one repeated', async () => {
    const params = new URLSearchParams(client.params({ state: 'keep-me' }));
    params.append('scope', 'email');
    const back = location(await browser.get(`/oauth/authorize?${params}`));
    assert.equal(back.searchParams.get('error'), 'invalid_request');
    assert.equal(back.searchParams.get('state'), 'keep-me');
    const twiceState = new URLSearchParams(client.params());
    twiceState.append('state', 'second');
    const back2 = location(await browser.get(`/oauth/authorize?${twiceState}`));
    assert.equal(back2.searchParams.get('error'), 'invalid_request');
    assert.equal(back2.searchParams.has('state'), false);
  });

  test('a NUL in any parameter is invalid_request, never a server error', async () => {
    await expectError(client.params({ nonce: 'a\u0000b', state: 'nul' }), 'invalid_request');
    const back = location(await browser.get(authorizeUrl(client.params({ state: 'x\u0000y' }))));
    assert.equal(back.searchParams.get('error'), 'invalid_request');
    assert.equal(back.searchParams.has('state'), false);
    const page = await browser.get(authorizeUrl(client.params({ redirect_uri: 'https://app.example/cb\u0000' })));
    assert.equal(page.statusCode, 400);
    const anonymous = new Browser(ctx.h.app);
    const login = await anonymous.submit(await anonymous.get('/oauth/login'), { username: 'admin\u0000', password: 'x' });
    assert.equal(login.statusCode, 303);
  });

  test('POST /oauth/authorize works like GET and answers 303', async () => {
    const response = await browser.post('/oauth/authorize', client.params({ state: 'posted' }));
    assert.equal(response.statusCode, 303);
    const back = location(response);
    assert.ok(back.searchParams.get('code'));
    assert.equal(back.searchParams.get('state'), 'posted');
  });

  test('redirects are not cached and send no referrer', async () => {
    const response = await browser.get(authorizeUrl(client.params()));
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
  });
});
