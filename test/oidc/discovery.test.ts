import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ISSUER } from '../helpers/harness.js';

/** SECURITY "Metadata, keys, OIDC": discovery lists exactly what is implemented. */
eachBackend('OpenID discovery', (ctx) => {
  test('both documents describe the authorization endpoint and OIDC', async () => {
    for (const url of ['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']) {
      const metadata = (await ctx.h.app.inject({ url })).json();
      assert.equal(metadata.issuer, ISSUER);
      assert.equal(metadata.authorization_endpoint, `${ISSUER}/oauth/authorize`);
      assert.equal(metadata.userinfo_endpoint, `${ISSUER}/oauth/userinfo`);
      assert.equal(metadata.end_session_endpoint, `${ISSUER}/oauth/logout`);
      assert.deepEqual(metadata.response_types_supported, ['code']);
      assert.deepEqual(metadata.response_modes_supported, ['query']);
      assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
      assert.equal(metadata.authorization_response_iss_parameter_supported, true);
      assert.deepEqual(metadata.subject_types_supported, ['public']);
      assert.deepEqual(metadata.id_token_signing_alg_values_supported, ['RS256']);
      assert.deepEqual(metadata.prompt_values_supported, ['none', 'login', 'consent', 'select_account']);
      assert.equal(metadata.request_parameter_supported, false);
      assert.equal(metadata.request_uri_parameter_supported, false);
      assert.equal(metadata.claims_parameter_supported, false);
      for (const scope of ['openid', 'profile', 'email', 'offline_access', '*', 'view-users']) assert.ok(metadata.scopes_supported.includes(scope), scope);
      for (const claim of ['sub', 'auth_time', 'nonce', 'name', 'preferred_username', 'email', 'email_verified']) assert.ok(metadata.claims_supported.includes(claim), claim);
      assert.ok(metadata.grant_types_supported.includes('authorization_code'));
      assert.ok(metadata.grant_types_supported.includes('refresh_token'));
      assert.ok(!metadata.grant_types_supported.includes('implicit'));
    }
  });

  test('every endpoint it lists answers, and the JWKS holds the RS256 key', async () => {
    const metadata = (await ctx.h.app.inject({ url: '/.well-known/openid-configuration' })).json();
    for (const name of ['authorization_endpoint', 'userinfo_endpoint', 'end_session_endpoint', 'token_endpoint', 'jwks_uri', 'revocation_endpoint', 'introspection_endpoint']) {
      const path = new URL(metadata[name]).pathname;
      const get = await ctx.h.app.inject({ url: path });
      assert.notEqual(get.statusCode, 404, name);
    }
    const jwks = (await ctx.h.app.inject({ url: '/oauth/jwks' })).json();
    assert.ok(jwks.keys.some((k: { alg: string; kty: string }) => k.alg === 'RS256' && k.kty === 'RSA'));
  });
});
