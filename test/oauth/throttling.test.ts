import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ADMIN_PASSWORD, basic } from '../helpers/harness.js';

eachBackend(
  'throttling of failed authentication',
  (ctx) => {
    let client: { id: number; secret: string };
    before(async () => {
      client = await ctx.h.createClient(['password']);
    });
    const login = (username: string, password: string, ip = '10.0.0.1') =>
      ctx.h.app.inject({
        method: 'POST',
        url: '/oauth/token',
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(client.id, client.secret) },
        payload: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
      });

    test('failed passwords lock out username + IP with 429 and Retry-After, even for the right password', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await login('admin', 'wrong-password')).statusCode, 400);
      const locked = await login('admin', ADMIN_PASSWORD);
      assert.equal(locked.statusCode, 429);
      assert.ok(Number(locked.headers['retry-after']) > 0);
      assert.equal(typeof locked.json().error, 'string');
      assert.equal((await login('admin', ADMIN_PASSWORD, '10.0.0.2')).statusCode, 200, 'another IP is not locked out');
      ctx.h.clock.advance(61);
      try {
        assert.equal((await login('admin', ADMIN_PASSWORD)).statusCode, 200, 'the window ends');
      } finally {
        ctx.h.clock.advance(-61);
      }
    });

    test('a success forgets the failures before it', async () => {
      for (let i = 0; i < 2; i++) assert.equal((await login('admin', 'wrong-password', '10.0.0.3')).statusCode, 400);
      assert.equal((await login('admin', ADMIN_PASSWORD, '10.0.0.3')).statusCode, 200);
      for (let i = 0; i < 2; i++) assert.equal((await login('admin', 'wrong-password', '10.0.0.3')).statusCode, 400);
      assert.equal((await login('admin', ADMIN_PASSWORD, '10.0.0.3')).statusCode, 200, 'two failures since the success, not four');
    });

    test('unknown users are throttled the same way', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await login('ghost', 'x-password')).statusCode, 400);
      assert.equal((await login('ghost', 'x-password')).statusCode, 429);
    });

    test('failed client authentication is throttled per client', async () => {
      const target = await ctx.h.createClient(['client_credentials']);
      const attempt = (secret: string) => ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(target.id, secret) });
      for (let i = 0; i < 3; i++) assert.equal((await attempt('wrong')).statusCode, 401);
      const locked = await attempt(target.secret);
      assert.equal(locked.statusCode, 429);
      assert.ok(Number(locked.headers['retry-after']) > 0);
    });

    test('failures are audited without the password', async () => {
      const { events } = await ctx.h.services.auditEvents.list({ event: 'user.login_failed' }, { offset: 0, limit: 100 });
      assert.ok(events.length >= 3);
      assert.ok(!JSON.stringify(events).includes('wrong-password'));
      const clientFailures = await ctx.h.services.auditEvents.list({ event: 'oauth.client_auth_failed' }, { offset: 0, limit: 100 });
      assert.ok(clientFailures.total >= 3);
    });
  },
  { THROTTLE_MAX_FAILURES: '3', THROTTLE_WINDOW: '60' },
);
