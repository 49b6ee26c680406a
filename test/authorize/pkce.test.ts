import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { authorizeUrl, codeClient, location, pkce, signedInBrowser, type Browser } from './browser.js';

/** SECURITY "Authorization endpoint": PKCE S256 required for public clients, plain refused, no downgrade. */
eachBackend('authorize: PKCE', (ctx) => {
  let browser: Browser;
  before(async () => {
    browser = await signedInBrowser(ctx.h);
  });

  async function errorFor(params: Record<string, string>) {
    const back = location(await browser.get(authorizeUrl(params)));
    return { error: back.searchParams.get('error'), description: back.searchParams.get('error_description'), state: back.searchParams.get('state') };
  }

  test('a public client without a code_challenge is refused', async () => {
    const client = await codeClient(ctx.h, { trusted: true });
    const params = client.params({ state: 's1' });
    delete params.code_challenge;
    delete params.code_challenge_method;
    assert.deepEqual(await errorFor(params), { error: 'invalid_request', description: 'This client must use PKCE: send code_challenge with code_challenge_method=S256.', state: 's1' });
  });

  test('plain, a missing method and unknown methods are refused', async () => {
    const client = await codeClient(ctx.h, { trusted: true });
    for (const method of ['plain', 'S512', 's256']) {
      assert.equal((await errorFor(client.params({ code_challenge_method: method }))).error, 'invalid_request', method);
    }
    const params = client.params();
    delete params.code_challenge_method;
    assert.equal((await errorFor(params)).error, 'invalid_request');
  });

  test('a malformed challenge or a method without challenge is refused', async () => {
    const client = await codeClient(ctx.h, { trusted: true });
    assert.equal((await errorFor(client.params({ code_challenge: 'short' }))).error, 'invalid_request');
    assert.equal((await errorFor(client.params({ code_challenge: `${'a'.repeat(42)}=` }))).error, 'invalid_request');
    const params = client.params();
    delete params.code_challenge;
    assert.equal((await errorFor(params)).error, 'invalid_request');
  });

  test('a wrong or missing verifier is invalid_grant', async () => {
    const client = await codeClient(ctx.h, { trusted: true });
    const wrong = await client.redeem(location(await browser.get(authorizeUrl(client.params()))), { code_verifier: pkce().verifier });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(wrong.json(), { error: 'invalid_grant', error_description: 'The code_verifier does not match the code_challenge.' });
    const missing = await client.redeem(location(await browser.get(authorizeUrl(client.params()))), { code_verifier: '' });
    assert.equal(missing.json().error, 'invalid_grant');
    const malformed = await client.redeem(location(await browser.get(authorizeUrl(client.params()))), { code_verifier: 'x'.repeat(42) });
    assert.equal(malformed.json().error, 'invalid_grant');
  });

  test('a confidential client may skip PKCE and authenticates with its secret', async () => {
    const client = await codeClient(ctx.h, { trusted: true, confidential: true, requirePkce: false });
    const params = client.params();
    delete params.code_challenge;
    delete params.code_challenge_method;
    const back = location(await browser.get(authorizeUrl(params)));
    const noSecret = await client.redeem(back, { client_secret: '', code_verifier: '' });
    assert.equal(noSecret.statusCode, 401);
    const ok = await client.redeem(location(await browser.get(authorizeUrl(params))), { code_verifier: '' });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  test('downgrade: a code issued without a challenge cannot be redeemed with a verifier (RFC 9700 §4.8.2)', async () => {
    const client = await codeClient(ctx.h, { trusted: true, confidential: true, requirePkce: false });
    const params = client.params();
    delete params.code_challenge;
    delete params.code_challenge_method;
    const back = location(await browser.get(authorizeUrl(params)));
    const response = await client.redeem(back);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json(), { error: 'invalid_grant', error_description: 'The authorization code was issued without a code_challenge.' });
  });

  test('a confidential client may use PKCE, and then must present the verifier', async () => {
    const client = await codeClient(ctx.h, { trusted: true, confidential: true, requirePkce: false });
    const missing = await client.redeem(location(await browser.get(authorizeUrl(client.params()))), { code_verifier: '' });
    assert.equal(missing.json().error, 'invalid_grant');
    const ok = await client.redeem(location(await browser.get(authorizeUrl(client.params()))));
    assert.equal(ok.statusCode, 200, ok.body);
  });

  test('a confidential client registered with require_pkce must send a challenge', async () => {
    const client = await codeClient(ctx.h, { trusted: true, confidential: true, requirePkce: true });
    const params = client.params();
    delete params.code_challenge;
    delete params.code_challenge_method;
    assert.equal((await errorFor(params)).error, 'invalid_request');
  });
});
