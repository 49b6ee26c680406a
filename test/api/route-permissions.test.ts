import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { PERMISSION_NAMES } from '../../src/permissions/permission-names.js';
import { eachBackend } from '../helpers/each-backend.js';
import type { Harness } from '../helpers/harness.js';
import { adminToken, api, machineToken, patUser, type Method } from './api-helpers.js';

interface Case {
  method: Method;
  /** As in the OpenAPI document. */
  route: string;
  permission: string;
  /**
   * Who is refused with 403 `auth.forbidden` although the permission check passes: `client`
   * for user-only routes (a client_credentials token holding every permission). Without it,
   * a user holding every other permission is refused, except on plain `authenticated` routes.
   */
  deniedBy?: 'client';
  /** Builds fresh targets (as the administrator) and returns the concrete call. */
  prepare(h: Harness, admin: string, caller: { id: number }): Promise<{ path: string; body?: unknown }>;
}

const newClient = async (h: Harness, admin: string) =>
  (await api(h, 'POST', '/auth_clients', admin, { name: `perm ${Math.random()}`, types: ['client_credentials_grant'] })).json().id as number;
const newUser = async (h: Harness, admin: string) => {
  const name = `perm${Math.random().toString(36).slice(2, 10)}`;
  return (await api(h, 'POST', '/users', admin, { username: name, email: `${name}@example.test`, password: 'password1' })).json().id as number;
};
const newGroup = async (h: Harness, admin: string) => (await api(h, 'POST', '/groups', admin, { name: `perm ${Math.random()}` })).json().id as number;
const fixed = (path: string, body?: unknown) => async () => ({ path, body });

/** Every API route with the permission it declares (DESIGN §5–6). */
export const CASES: Case[] = [
  { method: 'GET', route: '/me', permission: 'authenticated', prepare: fixed('/me') },
  { method: 'PUT', route: '/me', permission: 'authenticated', deniedBy: 'client', prepare: fixed('/me', { firstname: 'Changed' }) },
  {
    method: 'PUT',
    route: '/me/password',
    permission: 'authenticated',
    deniedBy: 'client',
    // patUser's password is `${username}-password`.
    prepare: async (h, _a, c) => ({ path: '/me/password', body: { current_password: `${(await h.services.users.findById(c.id))!.username}-password`, password: 'changed-password' } }),
  },
  { method: 'GET', route: '/permissions', permission: 'authenticated', prepare: fixed('/permissions') },
  { method: 'GET', route: '/auth_clients', permission: 'view-auth_clients', prepare: fixed('/auth_clients') },
  { method: 'POST', route: '/auth_clients', permission: 'create-auth_clients', prepare: async () => ({ path: '/auth_clients', body: { name: `c ${Math.random()}`, types: ['password_client'] } }) },
  { method: 'GET', route: '/auth_clients/{id}', permission: 'view-auth_clients', prepare: async (h, a) => ({ path: `/auth_clients/${await newClient(h, a)}` }) },
  { method: 'PUT', route: '/auth_clients/{id}', permission: 'edit-auth_clients', prepare: async (h, a) => ({ path: `/auth_clients/${await newClient(h, a)}`, body: { name: `e ${Math.random()}` } }) },
  { method: 'DELETE', route: '/auth_clients/{id}', permission: 'delete-auth_clients', prepare: async (h, a) => ({ path: `/auth_clients/${await newClient(h, a)}` }) },
  { method: 'GET', route: '/auth_clients/{id}/secret', permission: 'edit-auth_clients', prepare: async (h, a) => ({ path: `/auth_clients/${await newClient(h, a)}/secret` }) },
  { method: 'POST', route: '/auth_clients/{id}/secret', permission: 'edit-auth_clients', prepare: async (h, a) => ({ path: `/auth_clients/${await newClient(h, a)}/secret`, body: { grace_seconds: 10 } }) },
  { method: 'GET', route: '/users', permission: 'view-users', prepare: fixed('/users') },
  { method: 'POST', route: '/users', permission: 'create-users', prepare: async () => ({ path: '/users', body: { username: `n${Math.random().toString(36).slice(2, 10)}`, email: `${Math.random().toString(36).slice(2, 10)}@example.test`, password: 'password1' } }) },
  { method: 'GET', route: '/users/{id}', permission: 'view-users', prepare: async (h, a) => ({ path: `/users/${await newUser(h, a)}` }) },
  { method: 'PUT', route: '/users/{id}', permission: 'edit-users', prepare: async (h, a) => ({ path: `/users/${await newUser(h, a)}`, body: { firstname: 'Changed' } }) },
  { method: 'DELETE', route: '/users/{id}', permission: 'delete-users', prepare: async (h, a) => ({ path: `/users/${await newUser(h, a)}` }) },
  { method: 'GET', route: '/users/{id}/tokens', permission: 'authenticated', prepare: async (_h, _a, c) => ({ path: `/users/${c.id}/tokens` }) },
  { method: 'POST', route: '/users/{id}/tokens', permission: 'authenticated', prepare: async (_h, _a, c) => ({ path: `/users/${c.id}/tokens`, body: { name: 'matrix' } }) },
  { method: 'GET', route: '/users/{id}/tokens/{token_id}', permission: 'authenticated', prepare: async (h, _a, c) => ({ path: `/users/${c.id}/tokens/${(await h.services.personalAccessTokens.issue(c.id, 'm', ['*'])).record.id}` }) },
  { method: 'DELETE', route: '/users/{id}/tokens/{token_id}', permission: 'authenticated', prepare: async (h, _a, c) => ({ path: `/users/${c.id}/tokens/${(await h.services.personalAccessTokens.issue(c.id, 'm', ['*'])).record.id}` }) },
  { method: 'GET', route: '/groups', permission: 'view-groups', prepare: fixed('/groups') },
  { method: 'POST', route: '/groups', permission: 'create-groups', prepare: async () => ({ path: '/groups', body: { name: `g ${Math.random()}` } }) },
  { method: 'GET', route: '/groups/{id}', permission: 'view-groups', prepare: async (h, a) => ({ path: `/groups/${await newGroup(h, a)}` }) },
  { method: 'PUT', route: '/groups/{id}', permission: 'edit-groups', prepare: async (h, a) => ({ path: `/groups/${await newGroup(h, a)}`, body: { description: 'changed' } }) },
  { method: 'DELETE', route: '/groups/{id}', permission: 'delete-groups', prepare: async (h, a) => ({ path: `/groups/${await newGroup(h, a)}` }) },
  { method: 'GET', route: '/groups/{id}/members', permission: 'view-groups', prepare: async (h, a) => ({ path: `/groups/${await newGroup(h, a)}/members` }) },
  { method: 'POST', route: '/groups/{id}/members', permission: 'edit-groups', prepare: async (h, a) => ({ path: `/groups/${await newGroup(h, a)}/members`, body: { user_id: await newUser(h, a) } }) },
  {
    method: 'DELETE',
    route: '/groups/{id}/members/{user_id}',
    permission: 'edit-groups',
    prepare: async (h, a) => {
      const [group, user] = [await newGroup(h, a), await newUser(h, a)];
      await api(h, 'POST', `/groups/${group}/members`, a, { user_id: user });
      return { path: `/groups/${group}/members/${user}` };
    },
  },
  { method: 'GET', route: '/security_logs', permission: 'view-security_logs', prepare: fixed('/security_logs') },
  { method: 'GET', route: '/keys', permission: 'administrator', prepare: fixed('/keys') },
  { method: 'POST', route: '/keys/rotate', permission: 'administrator', prepare: fixed('/keys/rotate', { activate_in_seconds: 3600 }) },
];

eachBackend('every route: 401 without a token, 403 without the permission, 2xx with it', (ctx) => {
  let admin: string;
  before(async () => {
    admin = await adminToken(ctx.h);
  });

  test('the table names every documented route', async () => {
    const doc = (await ctx.h.app.inject({ url: '/api/1.0/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace('/api/1.0', '').replace(/\{id\}/g, '{id}')}`),
    );
    assert.deepEqual(documented.sort(), CASES.map((c) => `${c.method} ${c.route}`).sort());
  });

  for (const c of CASES) {
    test(`${c.method} ${c.route} (${c.permission})`, async () => {
      const slug = `${c.method}${c.route}`.replace(/[^a-z]/gi, '').toLowerCase().slice(0, 40);
      const holder = await patUser(ctx.h, `ok${slug}`, PERMISSION_NAMES.includes(c.permission) ? [c.permission] : []);
      const others = await patUser(ctx.h, `no${slug}`, PERMISSION_NAMES.filter((p) => p !== c.permission));

      const anonymous = await c.prepare(ctx.h, admin, holder);
      const none = await api(ctx.h, c.method, anonymous.path, undefined, anonymous.body);
      assert.equal(none.statusCode, 401);
      assert.equal(none.json().code, 'auth.unauthenticated');
      assert.equal(none.headers['www-authenticate'], 'Bearer realm="gatehouse"');

      // Administrator-only routes: holding every permission is not enough (`others` holds all).
      const byRole = c.permission === 'administrator' || c.permission === 'authenticated';
      const denier = c.deniedBy === 'client' ? await machineToken(ctx.h, [...PERMISSION_NAMES]) : c.permission !== 'authenticated' || c.route.includes('/tokens') ? others.token : undefined;
      if (denier) {
        const denied = await c.prepare(ctx.h, admin, holder);
        const res = await api(ctx.h, c.method, denied.path, denier, denied.body);
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().code, byRole ? 'auth.forbidden' : 'auth.insufficient_scope');
      }

      const allowed = await c.prepare(ctx.h, admin, holder);
      const ok = await api(ctx.h, c.method, allowed.path, c.permission === 'administrator' ? admin : holder.token, allowed.body);
      assert.ok(ok.statusCode >= 200 && ok.statusCode < 300, `${ok.statusCode} ${ok.body}`);
    });
  }
});
