import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sha256 } from '../../src/crypto/digest.js';
import { eachBackend } from '../helpers/each-backend.js';
import { adminToken, api, patUser, tokenSource } from './api-helpers.js';

eachBackend('personal access tokens', (ctx) => {
  let admin: string;
  let source: Awaited<ReturnType<typeof tokenSource>>;
  before(async () => {
    admin = await adminToken(ctx.h);
    source = await tokenSource(ctx.h);
  });

  test('lifecycle: created once, stored hashed, used, listed, shown, revoked', async () => {
    const user = await patUser(ctx.h, 'pat-owner', ['view-users', 'view-groups']);
    const session = await source.token('pat-owner', 'pat-owner-password');
    const created = await api(ctx.h, 'POST', `/users/${user.id}/tokens`, session, { name: 'CI deploy', scopes: ['view-users'] });
    assert.equal(created.statusCode, 201);
    assert.equal(created.headers['cache-control'], 'no-store');
    const pat = created.json();
    assert.match(pat.access_token, /^gatehouse_pat_[A-Za-z0-9_-]{43}$/);
    assert.equal(pat.token_type, 'Bearer');
    assert.equal(pat.client_id, 2);
    assert.equal(pat.user_id, user.id);
    assert.deepEqual(pat.scopes, ['view-users']);
    assert.equal(Date.parse(pat.expires_at) - Date.parse(pat.created_at), 31_536_000_000);

    const row = await ctx.h.services.store.db.selectFrom('access_tokens').selectAll().where('id', '=', pat.id).executeTakeFirstOrThrow();
    assert.equal(row.token_hash, sha256(pat.access_token));
    assert.equal(JSON.stringify(row).includes(pat.access_token), false);

    const me = (await api(ctx.h, 'GET', '/me', pat.access_token)).json();
    assert.equal(me.id, user.id);
    assert.deepEqual(me.permissions, ['view-users']);
    assert.equal((await api(ctx.h, 'GET', '/users', pat.access_token)).statusCode, 200);
    assert.equal((await api(ctx.h, 'GET', '/groups', pat.access_token)).statusCode, 403);

    const list = (await api(ctx.h, 'GET', `/users/${user.id}/tokens?filter=deploy`, session)).json();
    assert.equal(list.meta.total, 1);
    assert.equal(JSON.stringify(list).includes(pat.access_token), false);
    const { access_token: _value, token_type: _type, ...resource } = pat;
    assert.deepEqual(list.data[0], resource);
    assert.deepEqual((await api(ctx.h, 'GET', `/users/${user.id}/tokens/${pat.id}`, session)).json(), resource);

    assert.equal((await api(ctx.h, 'DELETE', `/users/${user.id}/tokens/${pat.id}`, session)).statusCode, 204);
    assert.equal((await api(ctx.h, 'GET', '/me', pat.access_token)).statusCode, 401);
    assert.equal((await api(ctx.h, 'GET', `/users/${user.id}/tokens/${pat.id}`, session)).json().revoked, true);
    assert.equal((await api(ctx.h, 'GET', `/users/${user.id}/tokens/nope`, session)).statusCode, 404);
    assert.equal((await api(ctx.h, 'DELETE', `/users/${user.id}/tokens/nope`, session)).statusCode, 404);
  });

  test('scopes default to *; validation messages', async () => {
    const all = (await api(ctx.h, 'POST', '/users/1/tokens', admin, { name: 'everything' })).json();
    assert.deepEqual(all.scopes, ['*']);
    assert.equal((await api(ctx.h, 'GET', '/security_logs', all.access_token)).statusCode, 200);
    const empty = (await api(ctx.h, 'POST', '/users/1/tokens', admin, { name: 'empty list', scopes: [] })).json();
    assert.deepEqual(empty.scopes, ['*']);
    const bad = await api(ctx.h, 'POST', '/users/1/tokens', admin, { scopes: ['root'] });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(bad.json().errors, { name: ['The name field is required.'], 'scopes.0': ['The selected scopes.0 is invalid.'] });
    const blank = await api(ctx.h, 'POST', '/users/1/tokens', admin, { name: '   ' });
    assert.deepEqual(blank.json().errors, { name: ['The name field is required.'] });
  });

  test('expires after PERSONAL_ACCESS_TOKEN_TTL', async () => {
    const pat = (await api(ctx.h, 'POST', '/users/1/tokens', admin, { name: 'short-lived' })).json();
    assert.equal((await api(ctx.h, 'GET', '/me', pat.access_token)).statusCode, 200);
    ctx.h.clock.advance(31_536_000 + 1);
    assert.equal((await api(ctx.h, 'GET', '/me', pat.access_token)).statusCode, 401);
    ctx.h.clock.advance(-(31_536_000 + 1));
  });

  test('only the user or an administrator', async () => {
    const owner = await patUser(ctx.h, 'pat-private', ['view-users']);
    const other = await patUser(ctx.h, 'pat-snoop', ['view-users', 'edit-users']);
    for (const [method, path] of [['GET', `/users/${owner.id}/tokens`], ['POST', `/users/${owner.id}/tokens`], ['GET', `/users/${owner.id}/tokens/x`], ['DELETE', `/users/${owner.id}/tokens/x`]] as const) {
      const res = await api(ctx.h, method, path, other.token, method === 'POST' ? { name: 'stolen' } : undefined);
      assert.equal(res.statusCode, 403, `${method} ${path}`);
      assert.equal(res.json().code, 'auth.forbidden');
    }
    const byAdmin = await api(ctx.h, 'POST', `/users/${owner.id}/tokens`, admin, { name: 'issued by admin', scopes: ['view-users'] });
    assert.equal(byAdmin.statusCode, 201);
    assert.equal((await api(ctx.h, 'GET', '/me', byAdmin.json().access_token)).json().username, 'pat-private');
    assert.equal((await api(ctx.h, 'GET', `/users/${owner.id}/tokens`, admin)).json().meta.total, 2);
    const own = await api(ctx.h, 'GET', `/users/${owner.id}/tokens`, owner.token);
    assert.equal(own.statusCode, 200);
  });

  test('a narrowed token cannot mint a wider one', async () => {
    const narrow = await source.token('admin', undefined, 'view-users');
    const wide = await api(ctx.h, 'POST', '/users/1/tokens', narrow, { name: 'escalate' });
    assert.equal(wide.statusCode, 403);
    const beyond = await api(ctx.h, 'POST', '/users/1/tokens', narrow, { name: 'escalate', scopes: ['view-users', 'delete-users'] });
    assert.equal(beyond.statusCode, 403);
    const same = await api(ctx.h, 'POST', '/users/1/tokens', narrow, { name: 'fine', scopes: ['view-users'] });
    assert.equal(same.statusCode, 201);
  });

  test('disabling the user kills their personal tokens', async () => {
    const user = await patUser(ctx.h, 'pat-disabled', []);
    assert.equal((await api(ctx.h, 'GET', '/me', user.token)).statusCode, 200);
    await api(ctx.h, 'PUT', `/users/${user.id}`, admin, { status: 'INACTIVE' });
    assert.equal((await api(ctx.h, 'GET', '/me', user.token)).statusCode, 401);
    const refused = await api(ctx.h, 'POST', `/users/${user.id}/tokens`, admin, { name: 'for the inactive' });
    assert.equal(refused.statusCode, 409);
  });
});

eachBackend('personal access tokens with a custom TTL', (ctx) => {
  test('PERSONAL_ACCESS_TOKEN_TTL sets the lifetime', async () => {
    const admin = await adminToken(ctx.h);
    const pat = (await api(ctx.h, 'POST', '/users/1/tokens', admin, { name: 'hour' })).json();
    assert.equal(Date.parse(pat.expires_at) - Date.parse(pat.created_at), 3_600_000);
    ctx.h.clock.advance(3601);
    assert.equal((await api(ctx.h, 'GET', '/me', pat.access_token)).statusCode, 401);
  });
}, { PERSONAL_ACCESS_TOKEN_TTL: '3600' });
