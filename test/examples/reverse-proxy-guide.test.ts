import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, startExampleServer, type ExampleServer } from './example-server.js';

const basic = (id: number, secret: string) => 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');

/** The address Gatehouse records for a failed sign-in sent with these headers. */
async function recordedAddress(server: ExampleServer, username: string, headers: Record<string, string>): Promise<string> {
  const { id, secret } = server.clients.password;
  const token = (body: Record<string, string>, extra: Record<string, string> = {}) =>
    fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { authorization: basic(id, secret), ...extra }, body: new URLSearchParams({ grant_type: 'password', ...body }) });
  assert.equal((await token({ username, password: 'wrong' }, headers)).status, 400);
  const admin = (await (await token({ username: 'admin', password: ADMIN_PASSWORD })).json()) as { access_token: string };
  const logs = await fetch(`${server.url}/api/1.0/security_logs?event=user.login_failed&target_id=${username}`, { headers: { authorization: `Bearer ${admin.access_token}` } });
  const { data } = (await logs.json()) as { data: { ip: string }[] };
  assert.equal(data.length, 1);
  return data[0].ip;
}

/** docs/reverse-proxy.md: what TRUST_PROXY changes, and why the proxy must replace X-Forwarded-For. */
describe('docs/reverse-proxy.md', () => {
  let direct: ExampleServer;
  let proxied: ExampleServer;
  let listed: ExampleServer;
  before(async () => {
    [direct, proxied, listed] = await Promise.all([startExampleServer(), startExampleServer({ TRUST_PROXY: 'true' }), startExampleServer({ TRUST_PROXY: '127.0.0.1' })]);
  });
  after(() => {
    direct?.stop();
    proxied?.stop();
    listed?.stop();
  });

  test('without TRUST_PROXY, X-Forwarded-For is ignored: the peer address is recorded', async () => {
    assert.equal(await recordedAddress(direct, 'someone', { 'x-forwarded-for': '203.0.113.7' }), '127.0.0.1');
  });

  test('with TRUST_PROXY=true, the client address from X-Forwarded-For is recorded', async () => {
    assert.equal(await recordedAddress(proxied, 'someone', { 'x-forwarded-for': '203.0.113.7' }), '203.0.113.7');
  });

  test('with TRUST_PROXY=true, the leftmost address wins, so a proxy that appends lets clients choose it', async () => {
    assert.equal(await recordedAddress(proxied, 'spoofer', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), '198.51.100.1');
  });

  test('with TRUST_PROXY set to the proxy\'s address, an appended X-Forwarded-For cannot be spoofed', async () => {
    assert.equal(await recordedAddress(listed, 'spoofer', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }), '203.0.113.7');
    assert.equal(await recordedAddress(listed, 'plain', { 'x-forwarded-for': '203.0.113.9' }), '203.0.113.9');
  });
});
