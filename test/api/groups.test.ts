import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { adminToken, api, patUser } from './api-helpers.js';

eachBackend('groups and members', (ctx) => {
  let admin: string;
  before(async () => {
    admin = await adminToken(ctx.h);
  });

  test('create, show, update and delete a group', async () => {
    const created = await api(ctx.h, 'POST', '/groups', admin, { name: 'Support', description: 'Front line', permissions: ['view-users'] });
    assert.equal(created.statusCode, 201);
    const group = created.json();
    assert.deepEqual({ ...group, id: 0, created_at: '', updated_at: '' }, {
      id: 0, name: 'Support', description: 'Front line', status: 'ACTIVE', members_count: 0, permissions: ['view-users'], created_at: '', updated_at: '',
    });
    assert.deepEqual((await api(ctx.h, 'GET', `/groups/${group.id}`, admin)).json(), group);
    const updated = await api(ctx.h, 'PUT', `/groups/${group.id}`, admin, { description: 'Second line', permissions: [] });
    assert.equal(updated.json().name, 'Support');
    assert.equal(updated.json().description, 'Second line');
    assert.deepEqual(updated.json().permissions, []);
    assert.equal((await api(ctx.h, 'DELETE', `/groups/${group.id}`, admin)).statusCode, 204);
    assert.equal((await api(ctx.h, 'GET', `/groups/${group.id}`, admin)).statusCode, 404);
  });

  test('validation messages', async () => {
    const empty = await api(ctx.h, 'POST', '/groups', admin, {});
    assert.deepEqual(empty.json().errors, { name: ['The name field is required.'] });
    const blank = await api(ctx.h, 'POST', '/groups', admin, { name: '', status: 'MAYBE' });
    assert.deepEqual(blank.json().errors, { name: ['The name field is required.'], status: ['The selected status is invalid.'] });
    await api(ctx.h, 'POST', '/groups', admin, { name: 'Unique' });
    const dup = await api(ctx.h, 'POST', '/groups', admin, { name: 'Unique' });
    assert.equal(dup.statusCode, 422);
    assert.deepEqual(dup.json().errors, { name: ['The name has already been taken.'] });
  });

  test('members: add, list, remove', async () => {
    const group = (await api(ctx.h, 'POST', '/groups', admin, { name: 'Members', permissions: ['view-groups'] })).json();
    const member = await patUser(ctx.h, 'member-one', []);
    assert.equal((await api(ctx.h, 'GET', '/groups', member.token)).statusCode, 403);
    const added = await api(ctx.h, 'POST', `/groups/${group.id}/members`, admin, { user_id: member.id });
    assert.equal(added.statusCode, 201);
    assert.equal(added.json().username, 'member-one');
    assert.equal((await api(ctx.h, 'GET', '/groups', member.token)).statusCode, 200);
    const again = await api(ctx.h, 'POST', `/groups/${group.id}/members`, admin, { user_id: member.id });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'resource.conflict');
    assert.equal((await api(ctx.h, 'POST', `/groups/${group.id}/members`, admin, { user_id: 999999 })).statusCode, 404);
    assert.equal((await api(ctx.h, 'POST', '/groups/999999/members', admin, { user_id: member.id })).statusCode, 404);
    const list = (await api(ctx.h, 'GET', `/groups/${group.id}/members?filter=MEMBER`, admin)).json();
    assert.deepEqual(list.data.map((u: { id: number }) => u.id), [member.id]);
    assert.equal(list.meta.total, 1);
    assert.equal((await api(ctx.h, 'GET', `/groups/${group.id}`, admin)).json().members_count, 1);
    assert.equal((await api(ctx.h, 'DELETE', `/groups/${group.id}/members/${member.id}`, admin)).statusCode, 204);
    assert.equal((await api(ctx.h, 'DELETE', `/groups/${group.id}/members/${member.id}`, admin)).statusCode, 404);
    assert.equal((await api(ctx.h, 'GET', '/groups', member.token)).statusCode, 403);
  });

  test('list filters and counts members', async () => {
    await api(ctx.h, 'POST', '/groups', admin, { name: 'Filter Alpha', description: 'first' });
    await api(ctx.h, 'POST', '/groups', admin, { name: 'Filter Beta', description: 'second ALPHA' });
    const res = (await api(ctx.h, 'GET', '/groups?filter=alpha&order_by=name', admin)).json();
    assert.deepEqual(res.data.map((g: { name: string }) => g.name), ['Filter Alpha', 'Filter Beta']);
    assert.ok(res.data.every((g: { members_count: number }) => g.members_count === 0));
  });

  test('group editors cannot escalate through groups', async () => {
    const editor = await patUser(ctx.h, 'group-boss', ['view-groups', 'create-groups', 'edit-groups', 'view-users']);
    const own = (await api(ctx.h, 'POST', '/groups', editor.token, { name: 'Editors Own', permissions: ['view-users'] })).json();
    assert.deepEqual(own.permissions, ['view-users']);
    const forbidden = async (res: Promise<{ statusCode: number; json(): any }>) => {
      const r = await res;
      assert.equal(r.statusCode, 403, JSON.stringify(r.json()));
      assert.equal(r.json().code, 'auth.forbidden');
    };
    await forbidden(api(ctx.h, 'POST', '/groups', editor.token, { name: 'Too Strong', permissions: ['delete-users'] }));
    await forbidden(api(ctx.h, 'PUT', `/groups/${own.id}`, editor.token, { permissions: ['view-users', 'delete-users'] }));
    await forbidden(api(ctx.h, 'POST', `/groups/${own.id}/members`, editor.token, { user_id: editor.id }));
    const strong = (await api(ctx.h, 'POST', '/groups', admin, { name: 'Strong', permissions: ['delete-users'] })).json();
    const victim = await patUser(ctx.h, 'victim', []);
    await forbidden(api(ctx.h, 'POST', `/groups/${strong.id}/members`, editor.token, { user_id: victim.id }));
    await forbidden(api(ctx.h, 'PUT', `/groups/${strong.id}`, editor.token, { name: 'Mine' }));
    // A member cannot change its own group's grants, even within what it holds.
    await api(ctx.h, 'POST', `/groups/${own.id}/members`, admin, { user_id: editor.id });
    await forbidden(api(ctx.h, 'PUT', `/groups/${own.id}`, editor.token, { permissions: [] }));
    assert.equal((await api(ctx.h, 'PUT', `/groups/${own.id}`, editor.token, { description: 'fine' })).statusCode, 200);
    assert.equal((await api(ctx.h, 'POST', `/groups/${own.id}/members`, editor.token, { user_id: victim.id })).statusCode, 201);
  });

  test('writes are audited', async () => {
    const group = (await api(ctx.h, 'POST', '/groups', admin, { name: 'Audited Group' })).json();
    const user = await patUser(ctx.h, 'audited-member', []);
    await api(ctx.h, 'POST', `/groups/${group.id}/members`, admin, { user_id: user.id });
    await api(ctx.h, 'DELETE', `/groups/${group.id}/members/${user.id}`, admin);
    await api(ctx.h, 'PUT', `/groups/${group.id}`, admin, { status: 'INACTIVE' });
    await api(ctx.h, 'DELETE', `/groups/${group.id}`, admin);
    const events = (await api(ctx.h, 'GET', `/security_logs?target_type=group&target_id=${group.id}&order_direction=asc`, admin)).json().data;
    assert.deepEqual(events.map((e: { event: string }) => e.event), ['group.created', 'group.member_added', 'group.member_removed', 'group.updated', 'group.deleted']);
    assert.equal(events[1].details.user_id, user.id);
  });
});
