import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { signedInBrowser } from '../authorize/browser.js';
import { eachBackend } from '../helpers/each-backend.js';
import { adminToken, api, machineToken, tokenSource, userWith } from './api-helpers.js';

eachBackend('profile: PUT /me and PUT /me/password', (ctx) => {
  let source: Awaited<ReturnType<typeof tokenSource>>;
  let admin: string;
  before(async () => {
    source = await tokenSource(ctx.h);
    admin = await adminToken(ctx.h);
  });

  const events = async (event: string, targetId: number) =>
    (await api(ctx.h, 'GET', `/security_logs?event=${event}&target_id=${targetId}&order_direction=asc`, admin)).json().data as { details: Record<string, unknown>; actor: { id: string } }[];

  test('401 without a token, 403 for a client token', async () => {
    for (const [path, body] of [['/me', { firstname: 'X' }], ['/me/password', { current_password: 'x', password: 'new-password-1' }]] as const) {
      const none = await api(ctx.h, 'PUT', path, undefined, body);
      assert.equal(none.statusCode, 401);
      assert.equal(none.json().code, 'auth.unauthenticated');
      const machine = await api(ctx.h, 'PUT', path, await machineToken(ctx.h, ['edit-users']), body);
      assert.equal(machine.statusCode, 403, machine.body);
      assert.equal(machine.json().code, 'auth.forbidden');
    }
  });

  test('a token narrowed below `*` (an application granted openid or a few permissions) may not change the profile', async () => {
    await userWith(ctx.h, source, 'narrowed', ['view-users']);
    const client = await ctx.h.createClient(['password']);
    const narrow = await ctx.h.passwordToken(client, 'narrowed', 'narrowed-password', 'openid view-users');
    for (const [path, body] of [['/me', { email: 'stolen@example.test' }], ['/me/password', { current_password: 'x', password: 'new-password-1' }]] as const) {
      const res = await api(ctx.h, 'PUT', path, narrow.access_token, body);
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'auth.insufficient_scope');
      assert.match(String(res.headers['www-authenticate']), /error="insufficient_scope", scope="\*"/);
    }
    assert.equal((await api(ctx.h, 'GET', '/me', narrow.access_token)).json().email, 'narrowed@example.test');
  });

  test('a user without any permission updates their own details; the answer is GET /me', async () => {
    const plain = await userWith(ctx.h, source, 'plain', []);
    const res = await api(ctx.h, 'PUT', '/me', plain.token, { firstname: 'Pla', lastname: 'In', email: 'Plain.New@Example.test' });
    assert.equal(res.statusCode, 200, res.body);
    const me = (await api(ctx.h, 'GET', '/me', plain.token)).json();
    assert.deepEqual(res.json(), me);
    assert.equal(me.firstname, 'Pla');
    assert.equal(me.lastname, 'In');
    assert.equal(me.email, 'plain.new@example.test');
    assert.equal(me.username, 'plain');
    assert.deepEqual(me.permissions, []);
    const partial = await api(ctx.h, 'PUT', '/me', plain.token, { lastname: 'Only' });
    assert.equal(partial.json().firstname, 'Pla');
    const [audited] = await events('user.profile_updated', plain.id);
    assert.deepEqual(audited.details, { name: 'plain', fields: ['firstname', 'lastname', 'email'] });
    assert.equal(audited.actor.id, String(plain.id));
  });

  test('validation: a taken or invalid email, and fields one may not change here', async () => {
    const user = await userWith(ctx.h, source, 'validating', []);
    await ctx.h.createUser('someone', 'someone-password');
    const taken = await api(ctx.h, 'PUT', '/me', user.token, { email: 'SOMEONE@example.test' });
    assert.equal(taken.statusCode, 422);
    assert.deepEqual(taken.json(), { message: 'The email has already been taken.', code: 'validation.failed', errors: { email: ['The email has already been taken.'] } });
    const invalid = await api(ctx.h, 'PUT', '/me', user.token, { email: 'not-an-email' });
    assert.deepEqual(invalid.json().errors, { email: ['The email must be a valid email address.'] });
    const unknown = await api(ctx.h, 'PUT', '/me', user.token, { username: 'renamed', status: 'INACTIVE', is_administrator: true, permissions: ['edit-users'] });
    assert.equal(unknown.statusCode, 422);
    assert.deepEqual(unknown.json().errors, {
      username: ['The username field is not allowed.'],
      status: ['The status field is not allowed.'],
      is_administrator: ['The is administrator field is not allowed.'],
      permissions: ['The permissions field is not allowed.'],
    });
    const me = (await api(ctx.h, 'GET', '/me', user.token)).json();
    assert.equal(me.username, 'validating');
    assert.equal(me.is_administrator, false);
    const short = await api(ctx.h, 'PUT', '/me/password', user.token, { current_password: user.password, password: 'short' });
    assert.deepEqual(short.json().errors, { password: ['The password must be at least 8 characters.'] });
    const missing = await api(ctx.h, 'PUT', '/me/password', user.token, { password: 'long-enough-1' });
    assert.deepEqual(missing.json().errors, { current_password: ['The current password field is required.'] });
  });

  test('a wrong current password is a 422, counts as a failed sign-in and is throttled to 429', async () => {
    const user = await userWith(ctx.h, source, 'guesser', []);
    const attempt = (current: string) => api(ctx.h, 'PUT', '/me/password', user.token, { current_password: current, password: 'brand-new-password' });
    for (let i = 0; i < 3; i++) {
      const wrong = await attempt(`guess-${i}`);
      assert.equal(wrong.statusCode, 422);
      assert.deepEqual(wrong.json().errors, { current_password: ['The current password is incorrect.'] });
    }
    const locked = await attempt(user.password);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, 'auth.throttled');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    // The same counter guards the password grant: sign-in is locked too.
    const grant = await ctx.h.post('/oauth/token', { grant_type: 'password', client_id: String(source.client.id), client_secret: source.client.secret, username: 'guesser', password: user.password });
    assert.equal(grant.statusCode, 429);
    ctx.h.clock.advance(301);
    assert.equal((await attempt(user.password)).statusCode, 204);
  });

  test('a change revokes every token and session; the new password signs in; no password is audited', async () => {
    const user = await userWith(ctx.h, source, 'changer', []);
    const other = await source.token('changer', user.password);
    const browser = await signedInBrowser(ctx.h, 'changer', user.password);
    assert.equal((await browser.get('/oauth/account')).statusCode, 200);
    const res = await api(ctx.h, 'PUT', '/me/password', user.token, { current_password: user.password, password: 'changed-password-1' });
    assert.equal(res.statusCode, 204);
    assert.equal(res.body, '');
    for (const token of [user.token, other]) assert.equal((await api(ctx.h, 'GET', '/me', token)).statusCode, 401);
    assert.notEqual((await browser.get('/oauth/account')).statusCode, 200, 'the browser session ended');
    await assert.rejects(source.token('changer', user.password));
    const fresh = await source.token('changer', 'changed-password-1');
    assert.equal((await api(ctx.h, 'GET', '/me', fresh)).json().username, 'changer');

    const [changed] = await events('user.password_changed', user.id);
    assert.deepEqual(changed.details, { name: 'changer', revoked_tokens: 2 });
    const logs = JSON.stringify((await api(ctx.h, 'GET', '/security_logs?per_page=100', admin)).json());
    for (const secret of [user.password, 'changed-password-1', 'brand-new-password', 'guess-0']) {
      assert.equal(logs.includes(secret), false, `${secret} is not in the audit log`);
      assert.equal(ctx.h.logs.join('').includes(secret), false, `${secret} is not in the server log`);
    }
  });
}, { THROTTLE_MAX_FAILURES: '3' });
