import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { adminToken, api } from './api-helpers.js';

eachBackend('bad input', (ctx) => {
  let admin: string;
  const raw = (method: 'POST' | 'PUT', url: string, payload: string, contentType = 'application/json') =>
    ctx.h.app.inject({ method, url: `/api/1.0${url}`, headers: { authorization: `Bearer ${admin}`, 'content-type': contentType }, payload });
  const counts = async () => {
    const db = ctx.h.services.store.db;
    const n = async (table: 'users' | 'oauth_clients' | 'groups') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { users: await n('users'), clients: await n('oauth_clients'), groups: await n('groups') };
  };
  let initial: Awaited<ReturnType<typeof counts>>;
  before(async () => {
    admin = await adminToken(ctx.h);
    initial = await counts();
  });

  test('malformed JSON is a 400', async () => {
    for (const payload of ['{bad', '{"name": "x",}', '']) {
      const res = await raw('POST', '/users', payload);
      assert.equal(res.statusCode, 400, payload);
      assert.deepEqual(res.json(), { message: 'The request body is not valid JSON.', code: 'request.invalid' });
    }
    const poisoned = await raw('POST', '/groups', '{"name":"x","__proto__":{"admin":true}}');
    assert.equal(poisoned.statusCode, 400);
  });

  test('a body that is not an object, or of the wrong types, is a 422', async () => {
    const list = await raw('POST', '/groups', '["name"]');
    assert.equal(list.statusCode, 422);
    assert.deepEqual(list.json().errors, { body: ['The request body must be an object.'] });
    const types = await api(ctx.h, 'POST', '/users', admin, { username: 42, email: ['a@b.test'], password: true, permissions: 'view-users' });
    assert.equal(types.statusCode, 422);
    assert.deepEqual(types.json().errors, {
      username: ['The username must be a string.'],
      email: ['The email must be a string.'],
      password: ['The password must be a string.'],
      permissions: ['The permissions must be an array.'],
    });
    const numeric = await api(ctx.h, 'POST', '/auth_clients/3/secret', admin, { grace_seconds: '60' });
    assert.deepEqual(numeric.json().errors, { grace_seconds: ['The grace seconds must be an integer.'] });
    const fraction = await api(ctx.h, 'POST', '/groups/1/members', admin, { user_id: 1.5 });
    assert.deepEqual(fraction.json().errors, { user_id: ['The user id must be an integer.'] });
  });

  test('unknown fields are refused, not ignored', async () => {
    const res = await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Sneaky', types: ['password_client'], secret: 'chosen-by-me', user_id: 7 });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().errors, { secret: ['The secret field is not allowed.'], user_id: ['The user id field is not allowed.'] });
  });

  test('fields named like Object.prototype members are reported as fields, not a 500 (the fuzz test found it)', async () => {
    const res = await raw('POST', '/groups', '{"name":"Proto","constructor":-1,"toString":"x","hasOwnProperty":0}');
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(Object.keys(res.json().errors).sort(), ['constructor', 'hasOwnProperty', 'toString']);
    assert.deepEqual(res.json().errors.constructor, ['The constructor field is not allowed.']);
  });

  test('oversized bodies are a 413; other media types a 415', async () => {
    const big = await api(ctx.h, 'POST', '/groups', admin, { name: 'Big', description: 'x'.repeat(70 * 1024) });
    assert.equal(big.statusCode, 413);
    assert.deepEqual(big.json(), { message: 'The request body is too large.', code: 'request.too_large' });
    const form = await raw('POST', '/groups', 'name=Form', 'application/x-www-form-urlencoded');
    assert.equal(form.statusCode, 415);
    assert.equal(form.json().code, 'request.unsupported_media_type');
    const long = await api(ctx.h, 'POST', '/groups', admin, { name: 'n'.repeat(256) });
    assert.deepEqual(long.json().errors, { name: ['The name may not be greater than 255 characters.'] });
  });

  test('paging parameters are bounded', async () => {
    const cases: [string, Record<string, string[]>][] = [
      ['per_page=-1', { per_page: ['The per page must be at least 1.'] }],
      ['per_page=0', { per_page: ['The per page must be at least 1.'] }],
      ['per_page=101', { per_page: ['The per page may not be greater than 100.'] }],
      ['per_page=1000000000000', { per_page: ['The per page may not be greater than 100.'] }],
      ['per_page=ten', { per_page: ['The per page must be an integer.'] }],
      ['page=0', { page: ['The page must be at least 1.'] }],
      ['order_by=password_hash', { order_by: ['The selected order by is invalid.'] }],
      ['order_direction=sideways', { order_direction: ['The selected order direction is invalid.'] }],
      [`filter=${'x'.repeat(256)}`, { filter: ['The filter may not be greater than 255 characters.'] }],
    ];
    for (const [query, errors] of cases) {
      const res = await api(ctx.h, 'GET', `/users?${query}`, admin);
      assert.equal(res.statusCode, 422, query);
      assert.deepEqual(res.json().errors, errors, query);
    }
    const far = (await api(ctx.h, 'GET', '/users?page=1000000', admin)).json();
    assert.deepEqual(far.data, []);
    assert.equal(far.meta.current_page, 1000000);
  });

  test('SQL-looking filters are plain text', async () => {
    for (const filter of ["' OR 1=1 --", "%' ; DROP TABLE users; --", '"; DELETE FROM oauth_clients; --', '\\', '%', '_']) {
      for (const path of ['/users', '/auth_clients', '/groups', '/security_logs', '/permissions', '/users/1/tokens', '/groups/1/members']) {
        const res = await api(ctx.h, 'GET', `${path}?filter=${encodeURIComponent(filter)}`, admin);
        assert.ok(res.statusCode === 200 || (path === '/groups/1/members' && res.statusCode === 404), `${path} ${filter} → ${res.statusCode}`);
        const literalMatch = path === '/permissions' && filter === '_';
        if (res.statusCode === 200 && path !== '/security_logs' && !literalMatch) assert.equal(res.json().meta.total, 0, `${path} ${filter}`);
      }
    }
    assert.equal((await api(ctx.h, 'GET', '/users?filter=adm', admin)).json().meta.total, 1);
    // `_` is a literal underscore, not a LIKE wildcard: only the names that contain one match.
    assert.equal((await api(ctx.h, 'GET', '/permissions?filter=_', admin)).json().meta.total, 5);
  });

  test('ids that are not positive integers are a 400; unknown ids a 404', async () => {
    for (const id of ['abc', '1.5', '-1', '0', '99999999999', '1%3BDROP', '1e3x']) {
      for (const path of [`/users/${id}`, `/auth_clients/${id}`, `/groups/${id}`, `/auth_clients/${id}/secret`, `/groups/${id}/members`]) {
        const res = await api(ctx.h, 'GET', path, admin);
        assert.equal(res.statusCode, 400, path);
        assert.equal(res.json().code, 'request.invalid');
      }
    }
    for (const path of ['/users/999999', '/auth_clients/999999', '/groups/999999', '/users/1/tokens/unknown']) {
      const res = await api(ctx.h, 'GET', path, admin);
      assert.equal(res.statusCode, 404, path);
      assert.equal(res.json().code, 'resource.not_found');
    }
    assert.equal((await api(ctx.h, 'GET', '/users/1/tokens/not%20a%20token', admin)).statusCode, 400);
    assert.equal((await api(ctx.h, 'GET', '/no-such-route', admin)).statusCode, 404);
  });

  test('bearer tokens: header only, one way only (RFC 6750)', async () => {
    const query = await ctx.h.app.inject({ url: `/api/1.0/users?access_token=${admin}` });
    assert.equal(query.statusCode, 400);
    const both = await api(ctx.h, 'POST', '/groups', admin, { name: 'Twice', access_token: admin });
    assert.equal(both.statusCode, 400);
    const garbage = await api(ctx.h, 'GET', '/users', 'not-a-token');
    assert.equal(garbage.statusCode, 401);
    assert.equal(garbage.headers['www-authenticate'], 'Bearer realm="gatehouse", error="invalid_token", error_description="The access token is invalid, expired or revoked."');
    const unauthenticatedBadBody = await ctx.h.app.inject({ method: 'POST', url: '/api/1.0/users', payload: { nonsense: true } });
    assert.equal(unauthenticatedBadBody.statusCode, 401);
  });

  test('errors carry no stack, SQL or internals, and nothing was changed', async () => {
    const res = await raw('POST', '/users', '{"username":');
    assert.equal(/stack|select|insert|node_modules|at \w+ \(/i.test(res.body), false);
    assert.deepEqual(await counts(), initial);
  });
});
