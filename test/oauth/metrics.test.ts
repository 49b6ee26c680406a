import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { basic } from '../helpers/harness.js';

eachBackend('Prometheus metrics', (ctx) => {
  test('counts tokens by grant and errors by code, times requests, and carries no secret', async () => {
    const client = await ctx.h.createClient(['password', 'client_credentials']);
    const tokens = await ctx.h.passwordToken(client);
    await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, client.secret) });
    await ctx.h.post('/oauth/token', { grant_type: 'client_credentials' }, { authorization: basic(client.id, 'wrong') });
    await ctx.h.post('/oauth/token', { grant_type: 'made_up' }, { authorization: basic(client.id, client.secret) });
    const res = await ctx.h.app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    assert.match(res.body, /gatehouse_tokens_issued_total\{grant_type="password"\} 1/);
    assert.match(res.body, /gatehouse_tokens_issued_total\{grant_type="client_credentials"\} 1/);
    assert.match(res.body, /gatehouse_oauth_errors_total\{error="invalid_client"\} 1/);
    assert.match(res.body, /gatehouse_oauth_errors_total\{error="unsupported_grant_type"\} 1/);
    assert.match(res.body, /gatehouse_http_request_duration_seconds_count\{method="POST",route="\/oauth\/token",status_code="200"\} 2/);
    assert.match(res.body, /gatehouse_process_cpu_seconds_total/);
    assert.match(res.body, /gatehouse_nodejs_eventloop_lag_p99_seconds \d/);
    for (const secret of [client.secret, tokens.access_token, tokens.refresh_token]) assert.ok(!res.body.includes(secret));
  });
});
