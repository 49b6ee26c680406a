import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sha256 } from '../../src/crypto/digest.js';
import { eachBackend } from '../helpers/each-backend.js';
import { bearer } from '../helpers/harness.js';
import { authorizeUrl, codeClient, location, signedInBrowser, type Browser, type TestClient } from './browser.js';

/** SECURITY "Codes and refresh tokens": single use, ≤ AUTH_CODE_TTL, bound to client and redirect URI; reuse revokes. */
eachBackend('authorization code grant', (ctx) => {
  let browser: Browser;
  let client: TestClient;
  before(async () => {
    browser = await signedInBrowser(ctx.h);
    client = await codeClient(ctx.h, { trusted: true });
  });

  const newCode = async (c: TestClient = client, extra: Record<string, string> = {}) => location(await browser.get(authorizeUrl(c.params(extra))));
  const userinfo = (token: string) => ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(token) });

  test('a code is redeemed once for tokens, with no-store', async () => {
    const response = await client.redeem(await newCode());
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.headers['cache-control'], 'no-store');
    const body = response.json();
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.scope, 'openid profile email');
    assert.ok(body.access_token && body.refresh_token && body.id_token);
    const { events } = await ctx.h.services.auditEvents.list({ event: 'oauth.token_issued', targetId: String(client.id) }, { offset: 0, limit: 10 });
    assert.equal(events.length, 1, 'the issuance is audited');
    assert.equal(events[0]!.actor?.type, 'user');
    assert.deepEqual(events[0]!.details, { grant_type: 'authorization_code' });
  });

  test('the code is stored only as its SHA-256', async () => {
    const back = await newCode();
    const code = back.searchParams.get('code')!;
    const { db } = ctx.h.services.store;
    assert.equal(await db.selectFrom('authorization_codes').select('id').where('id', '=', code).executeTakeFirst(), undefined);
    assert.ok(await db.selectFrom('authorization_codes').select('id').where('id', '=', sha256(code)).executeTakeFirst());
  });

  test('a second redemption fails and revokes every token issued from the code', async () => {
    const back = await newCode();
    const first = (await client.redeem(back)).json();
    assert.equal((await userinfo(first.access_token)).statusCode, 200);
    const refreshed = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', client_id: String(client.id), refresh_token: first.refresh_token });
    assert.equal(refreshed.statusCode, 200);

    const second = await client.redeem(back);
    assert.equal(second.statusCode, 400);
    assert.deepEqual(second.json(), { error: 'invalid_grant', error_description: 'The authorization code was already used; the tokens issued from it have been revoked.' });
    assert.equal((await userinfo(first.access_token)).statusCode, 401);
    assert.equal((await userinfo(refreshed.json().access_token)).statusCode, 401);
    const again = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', client_id: String(client.id), refresh_token: refreshed.json().refresh_token });
    assert.equal(again.json().error, 'invalid_grant');
  });

  test('two concurrent redemptions: at most one gets tokens, and none of them stay valid', async () => {
    const back = await newCode();
    const results = await Promise.all([client.redeem(back), client.redeem(back)]);
    assert.ok(results.some((r) => r.statusCode === 400));
    for (const winner of results.filter((r) => r.statusCode === 200)) {
      assert.equal((await userinfo(winner.json().access_token)).statusCode, 401);
    }
  });

  test('a code expires after AUTH_CODE_TTL (60 s by default)', async () => {
    const fresh = await newCode();
    ctx.h.clock.advance(59);
    assert.equal((await client.redeem(fresh)).statusCode, 200);
    const stale = await newCode();
    ctx.h.clock.advance(61);
    const response = await client.redeem(stale);
    assert.deepEqual(response.json(), { error: 'invalid_grant', error_description: 'The authorization code has expired.' });
  });

  test("another client cannot redeem the code, and doing so does not burn it", async () => {
    const other = await codeClient(ctx.h, { trusted: true });
    const back = await newCode();
    const stolen = await other.redeem(back, { code_verifier: client.pkce.verifier });
    assert.deepEqual(stolen.json(), { error: 'invalid_grant', error_description: 'The authorization code is invalid.' });
    assert.equal((await client.redeem(back)).statusCode, 200);
  });

  test('the redirect_uri must be the one the code was sent to', async () => {
    const multi = await codeClient(ctx.h, { trusted: true, redirectUris: ['https://app.example/cb', 'https://app.example/cb2'] });
    const mismatch = await multi.redeem(location(await browser.get(authorizeUrl(multi.params()))), { redirect_uri: 'https://app.example/cb2' });
    assert.deepEqual(mismatch.json(), { error: 'invalid_grant', error_description: 'The redirect_uri does not match the authorization request.' });
    const missing = await multi.redeem(location(await browser.get(authorizeUrl(multi.params()))), { redirect_uri: '' });
    assert.deepEqual(missing.json(), { error: 'invalid_grant', error_description: 'The redirect_uri parameter is required.' });
  });

  test('with a loopback redirect the token request names the exact port used', async () => {
    const native = await codeClient(ctx.h, { trusted: true, redirectUris: ['http://127.0.0.1/cb'] });
    const back = location(await browser.get(authorizeUrl(native.params({ redirect_uri: 'http://127.0.0.1:43117/cb' }))));
    const omitted = await native.redeem(back, { redirect_uri: '' });
    assert.equal(omitted.json().error, 'invalid_grant');
    const back2 = location(await browser.get(authorizeUrl(native.params({ redirect_uri: 'http://127.0.0.1:43117/cb' }))));
    assert.equal((await native.redeem(back2, { redirect_uri: 'http://127.0.0.1:43117/cb' })).statusCode, 200);
  });

  test('unknown, empty and oversized codes are invalid_grant or invalid_request', async () => {
    assert.equal((await client.redeem(new URL('https://x/?code=nope'))).json().error, 'invalid_grant');
    assert.equal((await client.redeem(new URL(`https://x/?code=${'a'.repeat(600)}`))).json().error, 'invalid_grant');
    assert.equal((await client.redeem(new URL('https://x/'))).json().error, 'invalid_request');
  });

  test('a client without the grant is unauthorized_client at the token endpoint', async () => {
    const password = await ctx.h.createClient(['password']);
    const back = await newCode();
    const response = await ctx.h.post('/oauth/token', { grant_type: 'authorization_code', client_id: String(password.id), client_secret: password.secret, code: back.searchParams.get('code')! });
    assert.equal(response.json().error, 'unauthorized_client');
  });

  test('a user disabled after the code was issued gets nothing', async () => {
    const userId = await ctx.h.createUser('code-sleeper', 'code-sleeper-password');
    const theirs = await signedInBrowser(ctx.h, 'code-sleeper', 'code-sleeper-password');
    const back = location(await theirs.get(authorizeUrl(client.params())));
    await ctx.h.services.store.db.updateTable('users').set({ status: 'INACTIVE' }).where('id', '=', userId).execute();
    assert.equal((await client.redeem(back)).json().error, 'invalid_grant');
  });
});
