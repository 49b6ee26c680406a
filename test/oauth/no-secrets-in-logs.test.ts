import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { ADMIN_PASSWORD, basic, bearer } from '../helpers/harness.js';

eachBackend(
  'secrets never reach logs, audit events or error bodies',
  (ctx) => {
    test('a full token lifecycle with debug logging leaks nothing', async () => {
      const client = await ctx.h.createClient(['password', 'client_credentials']);
      const tokens = await ctx.h.passwordToken(client);
      await ctx.h.post('/oauth/token', { grant_type: 'password', username: 'admin', password: 'wrong-password-123' }, { authorization: basic(client.id, client.secret) });
      await ctx.h.post('/oauth/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { authorization: basic(client.id, client.secret) });
      await ctx.h.post('/oauth/introspect', { token: tokens.access_token, client_id: String(client.id), client_secret: client.secret });
      await ctx.h.app.inject({ url: `/api/1.0/me?access_token=${tokens.access_token}` });
      await ctx.h.app.inject({ url: '/api/1.0/me', headers: bearer(tokens.access_token) });
      await ctx.h.post('/oauth/revoke', { token: tokens.refresh_token }, { authorization: basic(client.id, client.secret) });

      const { events } = await ctx.h.services.auditEvents.list({}, { offset: 0, limit: 1000 });
      const haystacks = { logs: ctx.h.logs.join('\n'), audit: JSON.stringify(events) };
      assert.ok(haystacks.logs.length > 0, 'debug logging produced lines');
      const requestLines = ctx.h.logs.map((line) => JSON.parse(line)).filter((line) => line.req);
      assert.ok(requestLines.length > 0 && requestLines.every((line) => typeof line.reqId === 'string'), 'request lines carry their request id');
      const secrets = [client.secret, ADMIN_PASSWORD, 'wrong-password-123', tokens.access_token, tokens.refresh_token];
      for (const [where, text] of Object.entries(haystacks)) {
        for (const secret of secrets) assert.ok(!text.includes(secret), `${where} contains a secret`);
      }
      const dbSecret = await ctx.h.services.clients.findSecrets(client.id);
      assert.ok(dbSecret?.secret?.startsWith('enc:v1:'));
      assert.ok(!dbSecret?.secret?.includes(client.secret));
    });
  },
  { LOG_LEVEL: 'debug' },
);
