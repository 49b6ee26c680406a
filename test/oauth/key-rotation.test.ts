import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { bearer } from '../helpers/harness.js';

eachBackend('signing key rotation', (ctx) => {
  const jwksKids = async () => (await ctx.h.app.inject({ url: '/oauth/jwks' })).json().keys.map((k: { kid: string }) => k.kid);

  test('a new key is published before it signs; the old one stays until its tokens expire', async () => {
    const client = await ctx.h.createClient(['password']);
    const before = await ctx.h.passwordToken(client);
    const oldKid = decodeProtectedHeader(before.access_token).kid!;
    const next = await ctx.h.services.keyService.rotate('ES256', 300);
    assert.ok((await jwksKids()).includes(next.kid), 'published at once');
    const stillOld = await ctx.h.passwordToken(client);
    assert.equal(decodeProtectedHeader(stillOld.access_token).kid, oldKid, 'not signing before activation');

    ctx.h.clock.advance(301);
    try {
      ctx.h.services.ring.invalidate();
      const after = await ctx.h.passwordToken(client);
      assert.equal(decodeProtectedHeader(after.access_token).kid, next.kid);
      assert.ok((await jwksKids()).includes(oldKid), 'old key still published');
      assert.equal((await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(stillOld.access_token) })).statusCode, 200);
      const states = await ctx.h.services.keyService.list();
      assert.equal(states.find((k) => k.kid === oldKid)?.state, 'retired');
      assert.equal(states.find((k) => k.kid === next.kid)?.state, 'active');
      ctx.h.clock.advance(3600);
      ctx.h.services.ring.invalidate();
      assert.ok(!(await jwksKids()).includes(oldKid), 'old key gone once its tokens expired');
    } finally {
      ctx.h.clock.advance(-3901);
      ctx.h.services.ring.invalidate();
    }
  });
});

eachBackend(
  'RS256 access tokens',
  (ctx) => {
    test('GATEHOUSE_SIGNING_ALG=RS256 signs access tokens with RS256', async () => {
      const client = await ctx.h.createClient(['password']);
      const tokens = await ctx.h.passwordToken(client);
      assert.equal(decodeProtectedHeader(tokens.access_token).alg, 'RS256');
      assert.equal((await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(tokens.access_token) })).statusCode, 200);
    });
  },
  { GATEHOUSE_SIGNING_ALG: 'RS256' },
);

eachBackend('rotating again while a key is pending', (ctx) => {
  test('the later rotation wins: the superseded pending key is withdrawn and never signs', async () => {
    const pending = await ctx.h.services.keyService.rotate('ES256', 600);
    const immediate = await ctx.h.services.keyService.rotate('ES256', 0);
    const kids = () => ctx.h.services.keyService.list().then((keys) => keys.map((k) => k.kid));
    assert.ok(!(await kids()).includes(pending.kid));
    ctx.h.clock.advance(601);
    try {
      ctx.h.services.ring.invalidate();
      const client = await ctx.h.createClient(['password']);
      const tokens = await ctx.h.passwordToken(client);
      assert.equal(decodeProtectedHeader(tokens.access_token).kid, immediate.kid);
    } finally {
      ctx.h.clock.advance(-601);
      ctx.h.services.ring.invalidate();
    }
  });
});
