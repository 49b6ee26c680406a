import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, test } from 'node:test';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { ISSUER } from '../helpers/harness.js';
import { authorizeUrl, codeClient, location, signedInBrowser, type Browser, type TestClient } from '../authorize/browser.js';

/** SECURITY "Metadata, keys, OIDC": ID token iss, sub, aud = client_id, exp, iat, nonce echoed, auth_time. */
eachBackend('ID tokens', (ctx) => {
  let browser: Browser;
  let client: TestClient;
  let signedInAt: number;
  before(async () => {
    signedInAt = Math.floor(ctx.h.services.clock.now() / 1000);
    browser = await signedInBrowser(ctx.h);
    client = await codeClient(ctx.h, { trusted: true });
  });

  async function tokensFor(extra: Record<string, string>) {
    const response = await client.redeem(location(await browser.get(authorizeUrl(client.params(extra)))));
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  }

  async function verify(idToken: string) {
    const jwks = createLocalJWKSet((await ctx.h.app.inject({ url: '/oauth/jwks' })).json());
    return jwtVerify(idToken, jwks, { issuer: ISSUER, audience: String(client.id), algorithms: ['RS256'], currentDate: new Date(ctx.h.services.clock.now()) });
  }

  test('openid yields an RS256 ID token with the required claims', async () => {
    const tokens = await tokensFor({ scope: 'openid', nonce: 'n-0S6_WzA2Mj' });
    const header = decodeProtectedHeader(tokens.id_token);
    assert.equal(header.alg, 'RS256');
    assert.ok(header.kid);
    const { payload } = await verify(tokens.id_token);
    assert.equal(payload.iss, ISSUER);
    assert.equal(payload.sub, '1');
    assert.equal(payload.sub, decodeJwt(tokens.access_token).sub, 'same subject as the access token');
    assert.equal(payload.aud, String(client.id));
    assert.equal(payload.nonce, 'n-0S6_WzA2Mj');
    assert.ok(Math.abs((payload.auth_time as number) - signedInAt) <= 1);
    assert.equal((payload.exp as number) - (payload.iat as number), 3600);
    const digest = createHash('sha256').update(tokens.access_token).digest();
    assert.equal(payload.at_hash, digest.subarray(0, 16).toString('base64url'));
    for (const claim of ['name', 'email', 'preferred_username', 'email_verified']) assert.equal(payload[claim], undefined, claim);
  });

  test('no nonce in the request, none in the token', async () => {
    const params = { scope: 'openid' } as Record<string, string>;
    const back = location(await browser.get(authorizeUrl({ ...client.params(params), nonce: '' })));
    const tokens = (await client.redeem(back)).json();
    assert.equal(decodeJwt(tokens.id_token).nonce, undefined);
  });

  test('profile releases only the profile claims, email only the email claims', async () => {
    const profile = decodeJwt((await tokensFor({ scope: 'openid profile' })).id_token);
    assert.equal(profile.name, 'Admin User');
    assert.equal(profile.given_name, 'Admin');
    assert.equal(profile.family_name, 'User');
    assert.equal(profile.preferred_username, 'admin');
    assert.equal(typeof profile.updated_at, 'number');
    assert.equal(profile.email, undefined);
    const email = decodeJwt((await tokensFor({ scope: 'openid email' })).id_token);
    assert.equal(email.email, 'admin@localhost');
    assert.equal(email.email_verified, false);
    assert.equal(email.name, undefined);
    assert.equal(email.preferred_username, undefined);
  });

  test('without openid there is no ID token', async () => {
    const tokens = await tokensFor({ scope: 'view-users' });
    assert.equal(tokens.id_token, undefined);
    assert.equal(tokens.scope, 'view-users');
  });

  test('a refresh of an openid grant returns a new ID token with the original auth_time and no nonce', async () => {
    const first = await tokensFor({ scope: 'openid profile', nonce: 'first-nonce' });
    ctx.h.clock.advance(120);
    const refreshed = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', client_id: String(client.id), refresh_token: first.refresh_token });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    const { payload } = await verify(refreshed.json().id_token);
    const original = decodeJwt(first.id_token);
    assert.equal(payload.sub, original.sub);
    assert.equal(payload.auth_time, original.auth_time);
    assert.equal(payload.nonce, undefined);
    assert.ok((payload.iat as number) > (original.iat as number));
    assert.equal(payload.name, 'Admin User');
    const narrowed = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', client_id: String(client.id), refresh_token: refreshed.json().refresh_token, scope: 'profile' });
    assert.equal(narrowed.json().id_token, undefined, 'no openid left, no ID token');
  });

  test('refresh tokens: always for a trusted client, only with offline_access for others', async () => {
    assert.ok((await tokensFor({ scope: 'openid' })).refresh_token);
    const thirdParty = await codeClient(ctx.h);
    const viaConsent = async (scope: string) => {
      const page = await browser.get(authorizeUrl(thirdParty.params({ scope })));
      const done = page.statusCode === 200 ? await browser.submit(page, { decision: 'allow' }) : page;
      return (await thirdParty.redeem(location(done))).json();
    };
    const without = await viaConsent('openid profile');
    assert.ok(without.access_token && without.id_token);
    assert.equal(without.refresh_token, undefined);
    const withOffline = await viaConsent('openid offline_access');
    assert.ok(withOffline.refresh_token);
  });
});
