import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eachBackend } from '../helpers/each-backend.js';
import { basic } from '../helpers/harness.js';

eachBackend('client authentication at the token endpoint', (ctx) => {
  let client: { id: number; secret: string };
  before(async () => {
    client = await ctx.h.createClient(['client_credentials']);
  });
  const grant = { grant_type: 'client_credentials' };

  test('client_secret_basic works', async () => {
    const res = await ctx.h.post('/oauth/token', grant, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 200);
  });

  test('client_secret_post works', async () => {
    const res = await ctx.h.post('/oauth/token', { ...grant, client_id: String(client.id), client_secret: client.secret });
    assert.equal(res.statusCode, 200);
  });

  test('Basic credentials are form-decoded (RFC 6749 App. B)', async () => {
    const raw = Buffer.from(`${client.id}:${client.secret}`).toString('base64');
    const res = await ctx.h.post('/oauth/token', grant, { authorization: `Basic ${raw}` });
    assert.equal(res.statusCode, 200);
    const plusEncoded = Buffer.from(`${client.id}:${client.secret}+`).toString('base64');
    const wrong = await ctx.h.post('/oauth/token', grant, { authorization: `Basic ${plusEncoded}` });
    assert.equal(wrong.statusCode, 401);
    const escaped = `%${client.secret.charCodeAt(0).toString(16)}${client.secret.slice(1)}`;
    const percentEncoded = await ctx.h.post('/oauth/token', grant, { authorization: `Basic ${Buffer.from(`${client.id}:${escaped}`).toString('base64')}` });
    assert.equal(percentEncoded.statusCode, 200);
    const malformed = await ctx.h.post('/oauth/token', grant, { authorization: `Basic ${Buffer.from(`${client.id}:%E0%A4%A`).toString('base64')}` });
    assert.equal(malformed.statusCode, 401);
    assert.equal(malformed.json().error_description, 'The Basic credentials are malformed.');
  });

  test('a wrong secret over Basic is 401 invalid_client with WWW-Authenticate: Basic', async () => {
    const res = await ctx.h.post('/oauth/token', grant, { authorization: basic(client.id, 'wrong-secret') });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error, 'invalid_client');
    assert.match(String(res.headers['www-authenticate']), /^Basic realm="gatehouse"/);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('a wrong secret in the body is 401 invalid_client', async () => {
    const res = await ctx.h.post('/oauth/token', { ...grant, client_id: String(client.id), client_secret: 'nope' });
    assert.equal(res.statusCode, 401);
    assert.deepEqual(Object.keys(res.json()).sort(), ['error', 'error_description']);
    assert.equal(res.json().error, 'invalid_client');
  });

  test('an unknown or non-numeric client id is invalid_client', async () => {
    for (const id of ['999999', 'abc', '3 OR 1=1']) {
      const res = await ctx.h.post('/oauth/token', { ...grant, client_id: id, client_secret: 'x' });
      assert.equal(res.statusCode, 401, id);
      assert.equal(res.json().error, 'invalid_client');
    }
  });

  test('two authentication methods at once are invalid_request', async () => {
    const res = await ctx.h.post('/oauth/token', { ...grant, client_secret: client.secret }, { authorization: basic(client.id, client.secret) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'invalid_request');
  });

  test('a secret in the query string is refused', async () => {
    const res = await ctx.h.app.inject({
      method: 'POST',
      url: `/oauth/token?client_secret=${client.secret}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${client.id}`,
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'invalid_request');
  });

  test('no credentials at all is invalid_client', async () => {
    const res = await ctx.h.post('/oauth/token', grant);
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error, 'invalid_client');
  });

  test('a revoked client gets nothing', async () => {
    const revoked = await ctx.h.createClient(['client_credentials']);
    await ctx.h.services.clients.update(revoked.id, { revoked: true });
    const res = await ctx.h.post('/oauth/token', grant, { authorization: basic(revoked.id, revoked.secret) });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error, 'invalid_client');
  });

  test('a public client may not use client_credentials or password', async () => {
    const { client: publicClient } = await ctx.h.services.clientService.create(
      { name: 'public cc', grantTypes: ['client_credentials', 'password'], confidential: false },
      { actor: null },
    );
    const res = await ctx.h.post('/oauth/token', { ...grant, client_id: String(publicClient.id) });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error, 'unauthorized_client');
  });

  test('repeated parameters are invalid_request; empty ones count as absent; unknown ones are ignored', async () => {
    const repeated = await ctx.h.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(client.id, client.secret) },
      payload: 'grant_type=client_credentials&grant_type=client_credentials',
    });
    assert.equal(repeated.statusCode, 400);
    assert.equal(repeated.json().error, 'invalid_request');
    const empty = await ctx.h.post('/oauth/token', { ...grant, scope: '', unknown_thing: 'x' }, { authorization: basic(client.id, client.secret) });
    assert.equal(empty.statusCode, 200);
  });

  test('a NUL character in any parameter is invalid_request, on every store', async () => {
    for (const form of <Record<string, string>[]>[{ grant_type: 'password', username: 'ad\u0000min', password: 'x' }, { grant_type: 'client_credentials', client_id: '3\u0000', client_secret: 'x' }]) {
      const res = await ctx.h.post('/oauth/token', form, { authorization: basic(client.id, client.secret) });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error, 'invalid_request');
    }
    const userAgent = await ctx.h.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'evil\u0000agent', authorization: basic(client.id, 'wrong') }, payload: 'grant_type=client_credentials' });
    assert.equal(userAgent.statusCode, 401, 'a failed authentication with a NUL in the user agent is still audited and answered');
  });

  test('missing and unknown grant types', async () => {
    const missing = await ctx.h.post('/oauth/token', {}, { authorization: basic(client.id, client.secret) });
    assert.equal(missing.json().error, 'invalid_request');
    const unknown = await ctx.h.post('/oauth/token', { grant_type: 'urn:made:up' }, { authorization: basic(client.id, client.secret) });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error, 'unsupported_grant_type');
  });

  test('GET on the token, revoke and introspect endpoints is 405', async () => {
    for (const url of ['/oauth/token', '/oauth/revoke', '/oauth/introspect']) {
      const res = await ctx.h.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 405, url);
      assert.equal(res.headers.allow, 'POST');
      assert.equal(res.json().error, 'invalid_request');
    }
  });

  test('malformed JSON and unsupported bodies are invalid_request without internals', async () => {
    const bad = await ctx.h.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/json' }, payload: '{"grant_type":' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error, 'invalid_request');
    assert.doesNotMatch(bad.body, /at |SyntaxError|stack/);
    const xml = await ctx.h.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/xml' }, payload: '<x/>' });
    assert.equal(xml.statusCode, 400);
    assert.equal(xml.json().error, 'invalid_request');
  });
});
