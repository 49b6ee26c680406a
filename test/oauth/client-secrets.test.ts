import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { basic } from '../helpers/harness.js';

const ctxAudit = { actor: null };

eachBackend('client secrets (encrypted mode)', (ctx) => {
  test('secrets are 40 alphanumerics, stored encrypted and revealable', async () => {
    const { id, secret } = await ctx.h.createClient(['client_credentials']);
    assert.match(secret, /^[A-Za-z0-9]{40}$/);
    const revealed = await ctx.h.services.clientService.revealSecret(id, ctxAudit);
    assert.deepEqual(revealed, { secret });
  });

  test('rotation without grace revokes the old secret at once', async () => {
    const client = await ctx.h.createClient(['client_credentials']);
    const fresh = await ctx.h.services.clientService.rotateSecret(client.id, 0, ctxAudit);
    const cc = (secret: string) => ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, secret) });
    assert.equal((await cc(client.secret)).statusCode, 401);
    assert.equal((await cc(fresh!)).statusCode, 200);
  });

  test('rotation with grace keeps the old secret valid until the grace ends', async () => {
    const client = await ctx.h.createClient(['client_credentials']);
    const fresh = await ctx.h.services.clientService.rotateSecret(client.id, 60, ctxAudit);
    const cc = (secret: string) => ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, secret) });
    assert.equal((await cc(client.secret)).statusCode, 200);
    assert.equal((await cc(fresh!)).statusCode, 200);
    ctx.h.clock.advance(61);
    try {
      assert.equal((await cc(client.secret)).statusCode, 401);
      assert.equal((await cc(fresh!)).statusCode, 200);
    } finally {
      ctx.h.clock.advance(-61);
    }
  });
});

eachBackend(
  'client secrets (hashed mode)',
  (ctx) => {
    test('only a SHA-256 hash is stored; the secret cannot be revealed but still authenticates', async () => {
      const client = await ctx.h.createClient(['client_credentials']);
      const stored = await ctx.h.services.clients.findSecrets(client.id);
      assert.match(stored!.secret!, /^sha256:[A-Za-z0-9_-]{43}$/);
      assert.equal(await ctx.h.services.clientService.revealSecret(client.id, ctxAudit), 'hashed');
      const res = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret) });
      assert.equal(res.statusCode, 200);
      const wrong = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret.toLowerCase()) });
      assert.equal(wrong.statusCode, 401);
    });
  },
  { GATEHOUSE_CLIENT_SECRETS: 'hashed' },
);
