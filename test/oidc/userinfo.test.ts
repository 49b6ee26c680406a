import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { decodeJwt } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { bearer } from '../helpers/harness.js';
import { authorizeUrl, codeClient, location, signedInBrowser, type TestClient } from '../authorize/browser.js';

/** OIDC Core §5.3 userinfo by GET and POST, sub equal to the ID token's; RFC 6750 errors. */
eachBackend('userinfo', (ctx) => {
  let client: TestClient;
  let tokens: Record<string, string>;
  before(async () => {
    const browser = await signedInBrowser(ctx.h);
    client = await codeClient(ctx.h, { trusted: true });
    tokens = (await client.redeem(location(await browser.get(authorizeUrl(client.params({ scope: 'openid email' })))))).json();
  });

  test('GET and POST return the claims of the granted scopes, with no-store', async () => {
    const get = await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(tokens.access_token) });
    const post = await ctx.h.app.inject({ method: 'POST', url: '/oauth/userinfo', headers: bearer(tokens.access_token) });
    const form = await ctx.h.post('/oauth/userinfo', { access_token: tokens.access_token });
    for (const response of [get, post, form]) {
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(String(response.headers['content-type']), /^application\/json/);
      assert.deepEqual(response.json(), { sub: '1', email: 'admin@localhost', email_verified: false });
    }
    assert.equal(get.json().sub, decodeJwt(tokens.id_token).sub);
  });

  test('no token: 401 with a bare Bearer challenge', async () => {
    const response = await ctx.h.app.inject({ url: '/oauth/userinfo' });
    assert.equal(response.statusCode, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer realm="gatehouse"');
  });

  test('a bad or revoked token: 401 invalid_token', async () => {
    const bad = await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer('not.a.token') });
    assert.equal(bad.statusCode, 401);
    assert.match(String(bad.headers['www-authenticate']), /^Bearer realm="gatehouse", error="invalid_token"/);
    assert.equal(bad.json().error, 'invalid_token');
    const browser = await signedInBrowser(ctx.h);
    const other = (await client.redeem(location(await browser.get(authorizeUrl(client.params({ scope: 'openid' })))))).json();
    await ctx.h.post('/oauth/revoke', { client_id: String(client.id), token: other.access_token });
    const revoked = await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(other.access_token) });
    assert.equal(revoked.statusCode, 401);
  });

  test('a token without openid: 403 insufficient_scope', async () => {
    const password = await ctx.h.createClient(['password']);
    const token = await ctx.h.passwordToken(password);
    const response = await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(token.access_token) });
    assert.equal(response.statusCode, 403);
    assert.match(String(response.headers['www-authenticate']), /error="insufficient_scope".*scope="openid"/);
    const machine = await ctx.h.createClient(['client_credentials']);
    const cc = (await ctx.h.post('/oauth/token', { grant_type: 'client_credentials', client_id: String(machine.id), client_secret: machine.secret })).json();
    assert.equal((await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(cc.access_token) })).statusCode, 403);
  });

  test('a token in the URL is refused; a token sent two ways is 400', async () => {
    const inUrl = await ctx.h.app.inject({ url: `/oauth/userinfo?access_token=${tokens.access_token}` });
    assert.equal(inUrl.statusCode, 400);
    assert.equal(inUrl.json().error, 'invalid_request');
    const twice = await ctx.h.post('/oauth/userinfo', { access_token: tokens.access_token }, bearer(tokens.access_token));
    assert.equal(twice.statusCode, 400);
  });

  test('an inactive user gets nothing', async () => {
    const userId = await ctx.h.createUser('info-sleeper', 'info-sleeper-password');
    const browser = await signedInBrowser(ctx.h, 'info-sleeper', 'info-sleeper-password');
    const theirs = (await client.redeem(location(await browser.get(authorizeUrl(client.params({ scope: 'openid' })))))).json();
    await ctx.h.services.store.db.updateTable('users').set({ status: 'INACTIVE' }).where('id', '=', userId).execute();
    assert.equal((await ctx.h.app.inject({ url: '/oauth/userinfo', headers: bearer(theirs.access_token) })).statusCode, 401);
  });
});
