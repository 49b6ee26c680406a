import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJwt } from 'jose';
import { eachBackend } from '../helpers/each-backend.js';
import { basic, bearer } from '../helpers/harness.js';

eachBackend('client_credentials grant', (ctx) => {
  test('issues an access token without a refresh token; the subject is the client', async () => {
    const client = await ctx.h.createClient(['client_credentials']);
    const res = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.refresh_token, undefined);
    assert.equal(decodeJwt(body.access_token).sub, `client:${client.id}`);
    const me = await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(body.access_token) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().type, 'client');
    assert.deepEqual(me.json().permissions, []);
  });

  test('carries the permissions granted to the client, and may narrow them', async () => {
    const client = await ctx.h.createClient(['client_credentials'], { permissions: ['view-users', 'view-groups'] });
    const all = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret) });
    const me = await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(all.json().access_token) });
    assert.deepEqual(me.json().permissions, ['view-users', 'view-groups']);
    const narrow = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials', scope: 'view-users' }, { authorization: basic(client.id, client.secret) });
    assert.equal(narrow.json().scope, 'view-users');
    const narrowMe = await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(narrow.json().access_token) });
    assert.deepEqual(narrowMe.json().permissions, ['view-users']);
  });

  test('asking for a permission the client was not granted is invalid_scope', async () => {
    const client = await ctx.h.createClient(['client_credentials'], { permissions: ['view-users'] });
    const res = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials', scope: 'delete-users' }, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'invalid_scope');
    const oidc = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials', scope: 'openid' }, { authorization: basic(client.id, client.secret) });
    assert.equal(oidc.json().error, 'invalid_scope');
  });

  test('tokens are counted in /metrics, not written to the security log; a failed authentication is logged', async () => {
    const client = await ctx.h.createClient(['client_credentials']);
    const events = () => ctx.h.services.store.db.selectFrom('audit_events').select('event').execute();
    const before = (await events()).length;
    for (let i = 0; i < 3; i++) {
      assert.equal((await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret) })).statusCode, 200);
    }
    assert.equal((await events()).length, before);
    const metrics = (await ctx.h.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /gatehouse_tokens_issued_total\{grant_type="client_credentials"\} [3-9]/);
    assert.equal((await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, 'wrong') })).statusCode, 401);
    assert.equal((await events()).length, before + 1);
  });
});
