import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ADMIN_PASSWORD, basic } from '../helpers/harness.js';
import { adminToken, api, patUser } from './api-helpers.js';

const required = { name: ['The Name field is required.'] };

eachBackend('auth clients', (ctx) => {
  let admin: string;
  before(async () => {
    admin = await adminToken(ctx.h);
  });

  test('creates the seed\'s "Password Grant" client as id 3, and its secret works', async () => {
    const res = await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Password Grant', types: ['password_client'] });
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.equal(body.id, 3);
    assert.deepEqual(body.types, ['password_client']);
    assert.deepEqual(body.redirect, []);
    assert.equal(body.confidential, true);
    assert.match(body.secret, /^[A-Za-z0-9]{40}$/);
    const token = await ctx.h.passwordToken({ id: 3, secret: body.secret });
    assert.ok(token.access_token);
  });

  test('list and show never carry the secret', async () => {
    const list = await api(ctx.h, 'GET', '/auth_clients', admin);
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().data.length >= 3);
    for (const client of list.json().data) assert.equal('secret' in client, false);
    const show = await api(ctx.h, 'GET', '/auth_clients/3', admin);
    assert.equal(show.statusCode, 200);
    assert.equal('secret' in show.json(), false);
    assert.deepEqual(Object.keys(show.json()).sort(), ['confidential', 'created_at', 'id', 'name', 'permissions', 'redirect', 'require_pkce', 'revoked', 'trusted', 'types', 'updated_at']);
  });

  test('reveals the secret to edit-auth_clients and audits it', async () => {
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Reveal Me', types: ['client_credentials_grant'] })).json();
    const res = await api(ctx.h, 'GET', `/auth_clients/${created.id}/secret`, admin);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json(), { id: created.id, secret: created.secret });
    const logs = await api(ctx.h, 'GET', `/security_logs?event=auth_client.secret_revealed&target_id=${created.id}`, admin);
    assert.equal(logs.json().meta.total, 1);
    const viewer = await patUser(ctx.h, 'client-viewer', ['view-auth_clients']);
    assert.equal((await api(ctx.h, 'GET', `/auth_clients/${created.id}/secret`, viewer.token)).statusCode, 403);
  });

  test('validation follows ProcessMaker\'s messages', async () => {
    const empty = await api(ctx.h, 'POST', '/auth_clients', admin, {});
    assert.equal(empty.statusCode, 422);
    assert.deepEqual(empty.json().errors, { ...required, types: ['The Auth-Client must have at least 1 item chosen.'] });
    assert.equal(empty.json().message, 'The Name field is required.');
    const blank = await api(ctx.h, 'POST', '/auth_clients', admin, { name: '  ', types: [] });
    assert.deepEqual(blank.json().errors, { ...required, types: ['The Auth-Client must have at least 1 item chosen.'] });
    const code = await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Code', types: ['authorization_code_grant'], redirect: '' });
    assert.equal(code.statusCode, 422);
    assert.deepEqual(code.json().errors, { redirect: ['The Redirect field is required.'] });
    const taken = await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Password Grant', types: ['password_client'] });
    assert.equal(taken.statusCode, 422);
    assert.deepEqual(taken.json().errors, { name: ['The name has already been taken.'] });
  });

  test('redirect URLs: absolute, no fragment, no script schemes, http only to loopback', async () => {
    const bad = await api(ctx.h, 'POST', '/auth_clients', admin, {
      name: 'Bad Redirects',
      types: ['authorization_code_grant'],
      redirect: ['/relative', 'https://app.test/cb#frag', 'javascript:alert(1)', 'data:text/html,x', 'http://app.test/cb'],
    });
    assert.equal(bad.statusCode, 422);
    assert.deepEqual(bad.json().errors.redirect, [
      'The Redirect URL must be an absolute URL.',
      'The Redirect URL must not contain a fragment (#).',
      'The Redirect URL must not use the javascript: scheme.',
      'The Redirect URL must not use the data: scheme.',
      'The Redirect URL must use https unless it points to localhost (127.0.0.1 or [::1]).',
    ]);
    const good = await api(ctx.h, 'POST', '/auth_clients', admin, {
      name: 'Good Redirects',
      types: ['authorization_code_grant', 'password_client'],
      redirect: 'https://app.test/cb, http://127.0.0.1:5000/cb,http://localhost/cb',
    });
    assert.equal(good.statusCode, 201);
    assert.deepEqual(good.json().redirect, ['https://app.test/cb', 'http://127.0.0.1:5000/cb', 'http://localhost/cb']);
    assert.deepEqual(good.json().types, ['authorization_code_grant', 'password_client']);
  });

  test('update changes only the fields sent, and validates the result', async () => {
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Editable', types: ['password_client'] })).json();
    const renamed = await api(ctx.h, 'PUT', `/auth_clients/${created.id}`, admin, { name: 'Edited' });
    assert.equal(renamed.statusCode, 200);
    assert.equal(renamed.json().name, 'Edited');
    assert.deepEqual(renamed.json().types, ['password_client']);
    const noRedirect = await api(ctx.h, 'PUT', `/auth_clients/${created.id}`, admin, { types: ['authorization_code_grant'] });
    assert.equal(noRedirect.statusCode, 422);
    assert.deepEqual(noRedirect.json().errors, { redirect: ['The Redirect field is required.'] });
    const full = await api(ctx.h, 'PUT', `/auth_clients/${created.id}`, admin, { name: 'Edited', types: ['authorization_code_grant'], redirect: 'https://edited.test/cb' });
    assert.equal(full.statusCode, 200);
    assert.deepEqual(full.json().redirect, ['https://edited.test/cb']);
    assert.equal((await api(ctx.h, 'PUT', '/auth_clients/999999', admin, { name: 'x' })).statusCode, 404);
  });

  test('public clients have no secret and must use PKCE', async () => {
    const pub = await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'SPA', types: ['authorization_code_grant'], redirect: ['https://spa.test/cb'], confidential: false });
    assert.equal(pub.statusCode, 201);
    assert.equal(pub.json().secret, null);
    assert.equal(pub.json().require_pkce, true);
    const reveal = await api(ctx.h, 'GET', `/auth_clients/${pub.json().id}/secret`, admin);
    assert.equal(reveal.statusCode, 409);
    assert.equal(reveal.json().code, 'auth_client.no_secret');
    assert.equal((await api(ctx.h, 'POST', `/auth_clients/${pub.json().id}/secret`, admin)).json().code, 'auth_client.no_secret');
    const noPkce = await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'SPA2', types: ['authorization_code_grant'], redirect: ['https://spa.test/cb'], confidential: false, require_pkce: false });
    assert.deepEqual(noPkce.json().errors, { require_pkce: ['A public client must use PKCE.'] });
    const machine = await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'SPA3', types: ['client_credentials_grant'], confidential: false });
    assert.deepEqual(machine.json().errors, { types: ['The Client Credentials grant requires a confidential client.'] });
  });

  test('the built-in clients cannot be edited or deleted', async () => {
    for (const id of [1, 2]) {
      const del = await api(ctx.h, 'DELETE', `/auth_clients/${id}`, admin);
      assert.equal(del.statusCode, 409);
      assert.equal(del.json().code, 'auth_client.built_in');
      assert.equal((await api(ctx.h, 'PUT', `/auth_clients/${id}`, admin, { name: 'Mine now' })).statusCode, 409);
    }
  });

  test('delete revokes the client and every token it holds, at once', async () => {
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Doomed', types: ['password_client'] })).json();
    const tokens = await ctx.h.passwordToken({ id: created.id, secret: created.secret });
    assert.equal((await api(ctx.h, 'GET', '/me', tokens.access_token)).statusCode, 200);
    const del = await api(ctx.h, 'DELETE', `/auth_clients/${created.id}`, admin);
    assert.equal(del.statusCode, 204);
    assert.equal(del.body, '');
    const me = await api(ctx.h, 'GET', '/me', tokens.access_token);
    assert.equal(me.statusCode, 401);
    assert.match(String(me.headers['www-authenticate']), /error="invalid_token"/);
    const refresh = await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { authorization: basic(created.id, created.secret) });
    assert.equal(refresh.statusCode, 401);
    assert.equal((await api(ctx.h, 'GET', `/auth_clients/${created.id}`, admin)).statusCode, 404);
    assert.equal((await api(ctx.h, 'DELETE', `/auth_clients/${created.id}`, admin)).statusCode, 404);
  });

  test('rotate without grace: the old secret stops at once', async () => {
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Rotate Now', types: ['password_client'] })).json();
    const res = await api(ctx.h, 'POST', `/auth_clients/${created.id}/secret`, admin);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const rotated = res.json();
    assert.notEqual(rotated.secret, created.secret);
    assert.equal(rotated.grace_seconds, 0);
    assert.equal(rotated.previous_secret_expires_at, null);
    await assert.rejects(ctx.h.passwordToken({ id: created.id, secret: created.secret }));
    await ctx.h.passwordToken({ id: created.id, secret: rotated.secret });
    assert.equal((await api(ctx.h, 'GET', `/auth_clients/${created.id}/secret`, admin)).json().secret, rotated.secret);
  });

  test('rotate with grace: the old secret works until the grace ends', async () => {
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Rotate Gently', types: ['password_client'] })).json();
    const rotated = (await api(ctx.h, 'POST', `/auth_clients/${created.id}/secret`, admin, { grace_seconds: 60 })).json();
    assert.equal(rotated.grace_seconds, 60);
    assert.ok(Date.parse(rotated.previous_secret_expires_at) > Date.now() + 50_000);
    await ctx.h.passwordToken({ id: created.id, secret: created.secret });
    await ctx.h.passwordToken({ id: created.id, secret: rotated.secret });
    ctx.h.clock.advance(61);
    await assert.rejects(ctx.h.passwordToken({ id: created.id, secret: created.secret }));
    await ctx.h.passwordToken({ id: created.id, secret: rotated.secret });
    const tooLong = await api(ctx.h, 'POST', `/auth_clients/${created.id}/secret`, admin, { grace_seconds: 10_000_000 });
    assert.equal(tooLong.statusCode, 422);
    assert.deepEqual(tooLong.json().errors, { grace_seconds: ['The grace seconds may not be greater than 2592000.'] });
  });

  test('a client_credentials token carries only the permissions granted to its client', async () => {
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Machine', types: ['client_credentials_grant'] })).json();
    assert.deepEqual(created.permissions, []);
    const token = async () => {
      const res = await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(created.id, created.secret) });
      assert.equal(res.statusCode, 200);
      return res.json().access_token as string;
    };
    const bare = await token();
    const me = (await api(ctx.h, 'GET', '/me', bare)).json();
    assert.equal(me.type, 'client');
    assert.deepEqual(me.permissions, []);
    const denied = await api(ctx.h, 'GET', '/users', bare);
    assert.equal(denied.statusCode, 403);
    assert.match(String(denied.headers['www-authenticate']), /error="insufficient_scope"/);

    const granted = await api(ctx.h, 'PUT', `/auth_clients/${created.id}`, admin, { permissions: ['view-users', 'view-groups'] });
    assert.deepEqual(granted.json().permissions, ['view-users', 'view-groups']);
    const strong = await token();
    assert.equal((await api(ctx.h, 'GET', '/users', strong)).statusCode, 200);
    assert.equal((await api(ctx.h, 'GET', '/groups', strong)).statusCode, 200);
    assert.equal((await api(ctx.h, 'POST', '/users', strong, { username: 'x', email: 'x@x.test', password: 'password1' })).statusCode, 403);
    const unknown = await api(ctx.h, 'PUT', `/auth_clients/${created.id}`, admin, { permissions: ['launch-missiles'] });
    assert.deepEqual(unknown.json().errors, { permissions: ['Unknown permission: launch-missiles.'] });
  });

  test('nobody grants a client more than they hold, and only administrators mark one trusted', async () => {
    const creator = await patUser(ctx.h, 'client-creator', ['create-auth_clients', 'edit-auth_clients', 'view-users']);
    const ok = await api(ctx.h, 'POST', '/auth_clients', creator.token, { name: 'Delegated', types: ['client_credentials_grant'], permissions: ['view-users'] });
    assert.equal(ok.statusCode, 201);
    const beyond = await api(ctx.h, 'POST', '/auth_clients', creator.token, { name: 'Too Strong', types: ['client_credentials_grant'], permissions: ['delete-users'] });
    assert.equal(beyond.statusCode, 403);
    assert.equal(beyond.json().code, 'auth.forbidden');
    assert.equal((await api(ctx.h, 'PUT', `/auth_clients/${ok.json().id}`, creator.token, { permissions: ['view-users', 'delete-users'] })).statusCode, 403);
    assert.equal((await api(ctx.h, 'PUT', `/auth_clients/${ok.json().id}`, creator.token, { trusted: true })).statusCode, 403);
    const trusted = await api(ctx.h, 'PUT', `/auth_clients/${ok.json().id}`, admin, { trusted: true });
    assert.equal(trusted.json().trusted, true);
    // Sending back the permissions it already has is fine for the creator.
    assert.equal((await api(ctx.h, 'PUT', `/auth_clients/${ok.json().id}`, creator.token, { name: 'Delegated 2', permissions: ['view-users'] })).statusCode, 200);
  });

  test('list filters, orders and pages', async () => {
    for (const name of ['Zeta 100%', 'Alpha_1', 'alpha 9']) await api(ctx.h, 'POST', '/auth_clients', admin, { name, types: ['password_client'] });
    const alpha = (await api(ctx.h, 'GET', '/auth_clients?filter=ALPHA&order_by=name&order_direction=desc', admin)).json();
    assert.deepEqual(alpha.data.map((c: { name: string }) => c.name), ['alpha 9', 'Alpha_1']);
    const percent = (await api(ctx.h, 'GET', `/auth_clients?filter=${encodeURIComponent('100%')}`, admin)).json();
    assert.deepEqual(percent.data.map((c: { name: string }) => c.name), ['Zeta 100%']);
    const underscore = (await api(ctx.h, 'GET', '/auth_clients?filter=a_1', admin)).json();
    assert.deepEqual(underscore.data.map((c: { name: string }) => c.name), ['Alpha_1']);
    const page = (await api(ctx.h, 'GET', '/auth_clients?per_page=2&page=2', admin)).json();
    assert.equal(page.meta.per_page, 2);
    assert.equal(page.meta.current_page, 2);
    assert.equal(page.meta.count, 2);
    assert.equal(page.meta.total_pages, Math.ceil(page.meta.total / 2));
    assert.equal(page.data[0].id, 3);
  });

  test('the secret never reaches the log lines', async () => {
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Quiet', types: ['password_client'] })).json();
    await api(ctx.h, 'GET', `/auth_clients/${created.id}/secret`, admin);
    const rotated = (await api(ctx.h, 'POST', `/auth_clients/${created.id}/secret`, admin)).json();
    const all = ctx.h.logs.join('\n');
    for (const secret of [created.secret, rotated.secret, admin, ADMIN_PASSWORD]) assert.equal(all.includes(secret), false);
  });
});

eachBackend('auth clients in hashed mode', (ctx) => {
  test('the secret is shown at creation and rotation only; reveal is a 409', async () => {
    const admin = await adminToken(ctx.h);
    const created = (await api(ctx.h, 'POST', '/auth_clients', admin, { name: 'Password Grant', types: ['password_client'] })).json();
    assert.match(created.secret, /^[A-Za-z0-9]{40}$/);
    const reveal = await api(ctx.h, 'GET', `/auth_clients/${created.id}/secret`, admin);
    assert.equal(reveal.statusCode, 409);
    assert.equal(reveal.json().code, 'auth_client.secret_not_retrievable');
    assert.match(reveal.json().message, /stored hashed .* Rotate it to get a new one\./);
    await ctx.h.passwordToken({ id: created.id, secret: created.secret });
    const rotated = (await api(ctx.h, 'POST', `/auth_clients/${created.id}/secret`, admin, { grace_seconds: 30 })).json();
    await ctx.h.passwordToken({ id: created.id, secret: rotated.secret });
    await ctx.h.passwordToken({ id: created.id, secret: created.secret });
    ctx.h.clock.advance(31);
    await assert.rejects(ctx.h.passwordToken({ id: created.id, secret: created.secret }));
  });
}, { GATEHOUSE_CLIENT_SECRETS: 'hashed' });
