import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { bearer } from '../helpers/harness.js';

eachBackend('races on unique names', (ctx) => {
  let admin: string;
  before(async () => {
    const client = await ctx.h.createClient(['password']);
    admin = (await ctx.h.passwordToken(client)).access_token;
  });
  const post = (url: string, payload: object) => ctx.h.app.inject({ method: 'POST', url, headers: bearer(admin), payload });

  test('five concurrent creations of one client name: one 201, four 422, never a 500', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => post('/api/1.0/auth_clients', { name: 'Contested', types: ['password_client'] })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 422, 422, 422, 422]);
    for (const loser of results.filter((r) => r.statusCode === 422)) assert.ok(loser.json().errors.name);
  });

  test('five concurrent creations of one username: one 201, four 422', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => post('/api/1.0/users', { username: 'contested', email: `contested${i}@example.test`, firstname: 'C', lastname: 'U', password: 'contested-password-1' })),
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 422, 422, 422, 422]);
  });
});
