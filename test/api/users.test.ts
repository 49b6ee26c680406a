import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { PERMISSION_NAMES } from '../../src/permissions/permission-names.js';
import { signedInBrowser } from '../authorize/browser.js';
import { eachBackend } from '../helpers/each-backend.js';
import { adminToken, api, patUser, tokenSource } from './api-helpers.js';

eachBackend('users', (ctx) => {
  let admin: string;
  let source: Awaited<ReturnType<typeof tokenSource>>;
  before(async () => {
    admin = await adminToken(ctx.h);
    source = await tokenSource(ctx.h);
  });

  const create = (body: object, token = admin) => api(ctx.h, 'POST', '/users', token, body);

  test('create, show, update and delete a user', async () => {
    const created = await create({ username: 'alice', email: 'Alice@Example.test', firstname: 'Alice', lastname: 'Liddell', password: 'alice-password', permissions: ['view-users'] });
    assert.equal(created.statusCode, 201);
    const alice = created.json();
    assert.equal(alice.email, 'alice@example.test');
    assert.equal(alice.status, 'ACTIVE');
    assert.equal(alice.is_administrator, false);
    assert.deepEqual(alice.permissions, ['view-users']);
    assert.deepEqual(alice.effective_permissions, ['view-users']);
    assert.deepEqual(alice.groups, []);
    assert.equal('password' in alice || 'password_hash' in alice, false);
    await source.token('alice', 'alice-password');

    const shown = await api(ctx.h, 'GET', `/users/${alice.id}`, admin);
    assert.deepEqual(shown.json(), alice);
    const updated = await api(ctx.h, 'PUT', `/users/${alice.id}`, admin, { firstname: 'Alicia', permissions: ['view-users', 'view-groups'] });
    assert.equal(updated.statusCode, 200);
    assert.equal(updated.json().firstname, 'Alicia');
    assert.equal(updated.json().lastname, 'Liddell');
    assert.deepEqual(updated.json().permissions, ['view-groups', 'view-users']);

    assert.equal((await api(ctx.h, 'DELETE', `/users/${alice.id}`, admin)).statusCode, 204);
    assert.equal((await api(ctx.h, 'GET', `/users/${alice.id}`, admin)).statusCode, 404);
    assert.equal((await api(ctx.h, 'DELETE', `/users/${alice.id}`, admin)).statusCode, 404);
  });

  test('validation messages', async () => {
    const empty = await create({});
    assert.equal(empty.statusCode, 422);
    assert.deepEqual(empty.json(), {
      message: 'The username field is required.',
      code: 'validation.failed',
      errors: { username: ['The username field is required.'], email: ['The email field is required.'], password: ['The password field is required.'] },
    });
    const bad = await create({ username: 'has space', email: 'not-an-email', password: 'short', status: 'ASLEEP', is_administrator: 'yes' });
    assert.deepEqual(bad.json().errors, {
      username: ['The username format is invalid.'],
      email: ['The email must be a valid email address.'],
      password: ['The password must be at least 8 characters.'],
      status: ['The selected status is invalid.'],
      is_administrator: ['The is administrator field must be true or false.'],
    });
    await create({ username: 'taken', email: 'taken@example.test', password: 'password1' });
    const dupName = await create({ username: 'taken', email: 'other@example.test', password: 'password1' });
    assert.deepEqual(dupName.json().errors, { username: ['The username has already been taken.'] });
    const dupEmail = await create({ username: 'other', email: 'TAKEN@example.test', password: 'password1' });
    assert.deepEqual(dupEmail.json().errors, { email: ['The email has already been taken.'] });
    const unknown = await create({ username: 'u1', email: 'u1@example.test', password: 'password1', permissions: ['launch-missiles'] });
    assert.deepEqual(unknown.json().errors, { 'permissions.0': ['The selected permissions.0 is invalid.'] });
  });

  test('list filters, orders and pages', async () => {
    for (const name of ['zed', 'yolanda', 'xavier']) await create({ username: `list-${name}`, email: `${name}@list.test`, lastname: name.toUpperCase(), password: 'password1' });
    const found = (await api(ctx.h, 'GET', '/users?filter=LIST.TEST&order_by=username&order_direction=asc', admin)).json();
    assert.deepEqual(found.data.map((u: { username: string }) => u.username), ['list-xavier', 'list-yolanda', 'list-zed']);
    assert.deepEqual(found.meta, { total: 3, count: 3, per_page: 10, current_page: 1, total_pages: 1 });
    const byLast = (await api(ctx.h, 'GET', '/users?filter=yolanda', admin)).json();
    assert.equal(byLast.meta.total, 1);
    const paged = (await api(ctx.h, 'GET', '/users?filter=list-&order_by=username&order_direction=desc&per_page=2&page=2', admin)).json();
    assert.deepEqual(paged.data.map((u: { username: string }) => u.username), ['list-xavier']);
    assert.deepEqual(paged.meta, { total: 3, count: 1, per_page: 2, current_page: 2, total_pages: 2 });
    const inactive = (await api(ctx.h, 'GET', '/users?status=INACTIVE', admin)).json();
    assert.ok(inactive.data.every((u: { status: string }) => u.status === 'INACTIVE'));
  });

  test('disabling a user revokes their tokens at once', async () => {
    const id = (await create({ username: 'sleeper', email: 'sleeper@example.test', password: 'sleeper-password' })).json().id;
    const token = await source.token('sleeper', 'sleeper-password');
    assert.equal((await api(ctx.h, 'GET', '/me', token)).statusCode, 200);
    const res = await api(ctx.h, 'PUT', `/users/${id}`, admin, { status: 'INACTIVE' });
    assert.equal(res.json().status, 'INACTIVE');
    assert.equal((await api(ctx.h, 'GET', '/me', token)).statusCode, 401);
    await api(ctx.h, 'PUT', `/users/${id}`, admin, { status: 'ACTIVE' });
    assert.equal((await api(ctx.h, 'GET', '/me', token)).statusCode, 401);
  });

  test('changing a password revokes the tokens; the new password works', async () => {
    const id = (await create({ username: 'rotator', email: 'rotator@example.test', password: 'first-password' })).json().id;
    const token = await source.token('rotator', 'first-password');
    await api(ctx.h, 'PUT', `/users/${id}`, admin, { password: 'second-password' });
    assert.equal((await api(ctx.h, 'GET', '/me', token)).statusCode, 401);
    await assert.rejects(source.token('rotator', 'first-password'));
    await source.token('rotator', 'second-password');
  });

  test('changing a password ends the user\'s browser sessions', async () => {
    const id = (await create({ username: 'sessioned', email: 'sessioned@example.test', password: 'first-password' })).json().id;
    const browser = await signedInBrowser(ctx.h, 'sessioned', 'first-password');
    assert.equal((await browser.get('/oauth/account')).statusCode, 200);
    await api(ctx.h, 'PUT', `/users/${id}`, admin, { password: 'second-password' });
    const after = await browser.get('/oauth/account');
    assert.notEqual(after.statusCode, 200, 'the old session no longer signs the user in');
  });

  test("effective permissions are the user's own plus their ACTIVE groups'; administrators hold all", async () => {
    const user = await patUser(ctx.h, 'grouped', ['view-users']);
    const group = (await api(ctx.h, 'POST', '/groups', admin, { name: 'Auditors', permissions: ['view-security_logs'] })).json();
    await api(ctx.h, 'POST', `/groups/${group.id}/members`, admin, { user_id: user.id });
    const shown = (await api(ctx.h, 'GET', `/users/${user.id}`, admin)).json();
    assert.deepEqual(shown.permissions, ['view-users']);
    assert.deepEqual(shown.effective_permissions, ['view-security_logs', 'view-users']);
    assert.deepEqual(shown.groups, [{ id: group.id, name: 'Auditors' }]);
    assert.equal((await api(ctx.h, 'GET', '/security_logs', user.token)).statusCode, 200);
    await api(ctx.h, 'PUT', `/groups/${group.id}`, admin, { status: 'INACTIVE' });
    assert.equal((await api(ctx.h, 'GET', '/security_logs', user.token)).statusCode, 403);
    const adminShown = (await api(ctx.h, 'GET', '/users/1', admin)).json();
    assert.deepEqual([...adminShown.effective_permissions].sort(), [...PERMISSION_NAMES].sort());
  });

  test('scopes: * is all of the subject\'s permissions, explicit scopes intersect them', async () => {
    const narrow = await source.token('admin', undefined, 'view-users');
    assert.equal((await api(ctx.h, 'GET', '/users', narrow)).statusCode, 200);
    const denied = await api(ctx.h, 'GET', '/groups', narrow);
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().code, 'auth.insufficient_scope');
    assert.equal(denied.headers['www-authenticate'], 'Bearer realm="gatehouse", error="insufficient_scope", scope="view-groups"');
    const me = (await api(ctx.h, 'GET', '/me', narrow)).json();
    assert.deepEqual(me.permissions, ['view-users']);
    const weak = await patUser(ctx.h, 'weak', ['view-groups'], ['view-groups', 'view-users']);
    assert.deepEqual((await api(ctx.h, 'GET', '/me', weak.token)).json().permissions, ['view-groups']);
    assert.equal((await api(ctx.h, 'GET', '/users', weak.token)).statusCode, 403);
  });

  test('users cannot escalate themselves or others', async () => {
    const editor = await patUser(ctx.h, 'editor', ['view-users', 'create-users', 'edit-users', 'delete-users']);
    const forbidden = async (res: Promise<{ statusCode: number; json(): any }>) => {
      const r = await res;
      assert.equal(r.statusCode, 403, JSON.stringify(r.json()));
      assert.equal(r.json().code, 'auth.forbidden');
    };
    await forbidden(api(ctx.h, 'PUT', `/users/${editor.id}`, editor.token, { is_administrator: true }));
    await forbidden(api(ctx.h, 'PUT', `/users/${editor.id}`, editor.token, { permissions: ['view-users', 'create-users', 'edit-users', 'delete-users', 'view-security_logs'] }));
    await forbidden(create({ username: 'boss', email: 'boss@example.test', password: 'password1', is_administrator: true }, editor.token));
    await forbidden(create({ username: 'puppet', email: 'puppet@example.test', password: 'password1', permissions: ['edit-auth_clients'] }, editor.token));
    await forbidden(api(ctx.h, 'PUT', '/users/1', editor.token, { password: 'taken-over!' }));
    await forbidden(api(ctx.h, 'DELETE', '/users/1', editor.token));
    const stronger = await patUser(ctx.h, 'stronger', ['view-security_logs']);
    await forbidden(api(ctx.h, 'PUT', `/users/${stronger.id}`, editor.token, { password: 'taken-over!' }));
    const group = (await api(ctx.h, 'POST', '/groups', admin, { name: 'Powerful', permissions: ['delete-groups'] })).json();
    const editorGroups = await patUser(ctx.h, 'group-editor', ['edit-groups', 'delete-groups']);
    await forbidden(api(ctx.h, 'POST', `/groups/${group.id}/members`, editorGroups.token, { user_id: editorGroups.id }));

    // What they may do: edit themselves and weaker users, grant what they hold.
    assert.equal((await api(ctx.h, 'PUT', `/users/${editor.id}`, editor.token, { firstname: 'Ed' })).statusCode, 200);
    const weaker = await create({ username: 'weaker', email: 'weaker@example.test', password: 'password1', permissions: ['view-users'] }, editor.token);
    assert.equal(weaker.statusCode, 201);
    assert.equal((await api(ctx.h, 'PUT', `/users/${weaker.json().id}`, editor.token, { status: 'INACTIVE' })).statusCode, 200);
    // A narrowed administrator token does not act as an administrator.
    const narrowAdmin = await source.token('admin', undefined, 'view-users edit-users');
    await forbidden(api(ctx.h, 'PUT', `/users/${weaker.json().id}`, narrowAdmin, { is_administrator: true }));
  });

  test('administrators keep their own access', async () => {
    const self = await api(ctx.h, 'DELETE', '/users/1', admin);
    assert.equal(self.statusCode, 409);
    assert.equal(self.json().message, 'You cannot delete your own account.');
    const demote = await api(ctx.h, 'PUT', '/users/1', admin, { is_administrator: false, status: 'INACTIVE' });
    assert.equal(demote.statusCode, 422);
    assert.deepEqual(demote.json().errors, {
      status: ['You cannot deactivate your own account.'],
      is_administrator: ['You cannot remove your own administrator rights.'],
    });
    const promoted = await create({ username: 'second-admin', email: 'second@example.test', password: 'password1', is_administrator: true });
    assert.equal(promoted.json().is_administrator, true);
    assert.equal((await api(ctx.h, 'PUT', `/users/${promoted.json().id}`, admin, { is_administrator: false })).json().is_administrator, false);
  });

  test('writes are audited', async () => {
    const id = (await create({ username: 'audited', email: 'audited@example.test', password: 'audited-password' })).json().id;
    await api(ctx.h, 'PUT', `/users/${id}`, admin, { lastname: 'Seen', password: 'another-password' });
    await api(ctx.h, 'DELETE', `/users/${id}`, admin);
    const events = (await api(ctx.h, 'GET', `/security_logs?target_type=user&target_id=${id}&order_direction=asc`, admin)).json().data;
    assert.deepEqual(events.map((e: { event: string }) => e.event), ['user.created', 'user.updated', 'user.deleted']);
    assert.deepEqual(events[1].details.fields, ['lastname', 'password']);
    assert.equal(JSON.stringify(events).includes('another-password'), false);
  });
});
