import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ADMIN_PASSWORD } from '../helpers/harness.js';
import { adminToken, api, patUser, tokenSource } from './api-helpers.js';

eachBackend('security logs', (ctx) => {
  let admin: string;
  before(async () => {
    admin = await adminToken(ctx.h);
  });

  test('records who did what to which target, from where, and when', async () => {
    const before = Date.now();
    const created = (await ctx.h.app.inject({
      method: 'POST',
      url: '/api/1.0/auth_clients',
      headers: { authorization: `Bearer ${admin}`, 'user-agent': 'curl/8.5.0' },
      payload: { name: 'Logged Client', types: ['password_client'] },
    })).json();
    const res = await api(ctx.h, 'GET', `/security_logs?event=auth_client.created&target_id=${created.id}`, admin);
    assert.equal(res.statusCode, 200);
    const [event] = res.json().data;
    assert.equal(event.event, 'auth_client.created');
    assert.deepEqual(event.actor, { type: 'user', id: '1', name: 'admin' });
    assert.deepEqual(event.target, { type: 'auth_client', id: String(created.id) });
    assert.equal(event.ip, '127.0.0.1');
    assert.equal(event.user_agent, 'curl/8.5.0');
    assert.equal(event.details.name, 'Logged Client');
    assert.ok(Date.parse(event.created_at) >= before - 1000);
  });

  test('filters by actor, event, text and time; pages newest first', async () => {
    const actor = await patUser(ctx.h, 'log-actor', ['create-groups']);
    for (const name of ['Log One', 'Log Two', 'Log Three']) await api(ctx.h, 'POST', '/groups', actor.token, { name });
    const byActor = (await api(ctx.h, 'GET', `/security_logs?actor_type=user&actor_id=${actor.id}`, admin)).json();
    assert.equal(byActor.meta.total, 3);
    assert.deepEqual(byActor.data.map((e: { details: { name: string } }) => e.details.name), ['Log Three', 'Log Two', 'Log One']);
    const asc = (await api(ctx.h, 'GET', `/security_logs?actor_id=${actor.id}&order_direction=asc&per_page=1&page=2`, admin)).json();
    assert.deepEqual(asc.meta, { total: 3, count: 1, per_page: 1, current_page: 2, total_pages: 3 });
    assert.equal(asc.data[0].details.name, 'Log Two');
    const text = (await api(ctx.h, 'GET', '/security_logs?filter=LOG-ACTOR', admin)).json();
    assert.equal(text.meta.total, 3);
    const byEvent = (await api(ctx.h, 'GET', '/security_logs?event=group.created', admin)).json();
    assert.ok(byEvent.data.every((e: { event: string }) => e.event === 'group.created'));
    const future = new Date(Date.now() + 3_600_000).toISOString();
    assert.equal((await api(ctx.h, 'GET', `/security_logs?from=${encodeURIComponent(future)}`, admin)).json().meta.total, 0);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    assert.equal((await api(ctx.h, 'GET', `/security_logs?to=${encodeURIComponent(past)}`, admin)).json().meta.total, 0);
    const window = (await api(ctx.h, 'GET', `/security_logs?actor_id=${actor.id}&from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`, admin)).json();
    assert.equal(window.meta.total, 3);
    const badDate = await api(ctx.h, 'GET', '/security_logs?from=yesterday', admin);
    assert.equal(badDate.statusCode, 422);
    assert.deepEqual(badDate.json().errors, { from: ['The from is not a valid date.'] });
  });

  test('never holds a secret, password or token', async () => {
    const source = await tokenSource(ctx.h);
    const secrets: string[] = [ADMIN_PASSWORD, admin, source.client.secret];
    const client = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Secretive', types: ['password_client', 'client_credentials_grant'] })).json();
    secrets.push(client.secret);
    secrets.push((await api(ctx.h, 'GET', `/auth_clients/${client.id}/secret`, admin)).json().secret);
    const rotated: string = (await api(ctx.h, 'POST', `/auth_clients/${client.id}/secret`, admin, { grace_seconds: 60 })).json().secret;
    secrets.push(rotated);
    const user = (await api(ctx.h, 'POST', '/users', admin, { username: 'log-secret', email: 'log-secret@example.test', password: 'first-secret-password' })).json();
    secrets.push('first-secret-password');
    await api(ctx.h, 'PUT', `/users/${user.id}`, admin, { password: 'second-secret-password' });
    secrets.push('second-secret-password');
    const tokens = await ctx.h.passwordToken({ id: client.id, secret: rotated }, 'log-secret', 'second-secret-password');
    secrets.push(tokens.access_token, tokens.refresh_token);
    const pat = (await api(ctx.h, 'POST', `/users/${user.id}/tokens`, admin, { name: 'logged pat' })).json();
    secrets.push(pat.access_token);
    await api(ctx.h, 'DELETE', `/users/${user.id}/tokens/${pat.id}`, admin);
    await ctx.h.post('/oauth/token', { grant_type: 'password', client_id: String(client.id), client_secret: 'wrong-secret-guess', username: 'log-secret', password: 'wrong-password-guess' });
    secrets.push('wrong-secret-guess', 'wrong-password-guess');
    await ctx.h.post('/oauth/revoke', { token: tokens.refresh_token, client_id: String(client.id), client_secret: rotated });

    const page = await api(ctx.h, 'GET', '/security_logs?per_page=100', admin);
    const rows = await ctx.h.services.store.db.selectFrom('audit_events').selectAll().execute();
    assert.ok(rows.length > 10);
    const haystacks = { 'API response': page.body, 'audit table': JSON.stringify(rows), 'log lines': ctx.h.logs.join('\n') };
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of secrets) assert.equal(text.includes(secret), false, `${where} contains a secret`);
    }
    const events = new Set(rows.map((r) => r.event));
    for (const e of ['auth_client.created', 'auth_client.secret_revealed', 'auth_client.secret_rotated', 'user.created', 'user.updated', 'personal_token.created', 'personal_token.revoked']) {
      assert.ok(events.has(e), e);
    }
  });
});
