import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load-config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');

test('defaults follow DESIGN §2 and the result is frozen', () => {
  const config = loadConfig({ GATEHOUSE_MASTER_KEY: KEY });
  assert.equal(config.port, 8080);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.issuer, 'http://localhost:8080');
  assert.equal(config.databaseUrl, 'sqlite:./data/gatehouse.db');
  assert.deepEqual(config.ttl, { accessToken: 3600, refreshToken: 2592000, personalAccessToken: 31536000, authCode: 60 });
  assert.equal(config.clientSecrets, 'encrypted');
  assert.equal(config.signingAlg, 'ES256');
  assert.ok(Object.isFrozen(config));
  assert.ok(Object.isFrozen(config.ttl));
  assert.throws(() => {
    (config as { port: number }).port = 1;
  }, TypeError);
});

test('TRUST_PROXY takes a boolean, a hop count or proxy addresses', () => {
  const trust = (value: string) => loadConfig({ GATEHOUSE_MASTER_KEY: KEY, TRUST_PROXY: value }).trustProxy;
  assert.equal(trust('true'), true);
  assert.equal(trust('false'), false);
  assert.equal(trust('2'), 2);
  assert.equal(trust('127.0.0.1, 10.0.0.0/8,::1'), '127.0.0.1,10.0.0.0/8,::1');
});

test('the issuer follows PORT and loses a trailing slash', () => {
  assert.equal(loadConfig({ GATEHOUSE_MASTER_KEY: KEY, PORT: '9000' }).issuer, 'http://localhost:9000');
  assert.equal(loadConfig({ GATEHOUSE_MASTER_KEY: KEY, GATEHOUSE_ISSUER: 'https://id.example.com/' }).issuer, 'https://id.example.com');
});

const bad: [Record<string, string>, RegExp][] = [
  [{ PORT: 'eighty' }, /^PORT: must be a whole number/],
  [{ PORT: '70000' }, /^PORT:/],
  [{ GATEHOUSE_ISSUER: 'http://id.example.com' }, /^GATEHOUSE_ISSUER: must use https unless the host is loopback/],
  [{ GATEHOUSE_ISSUER: 'not a url' }, /^GATEHOUSE_ISSUER:/],
  [{ GATEHOUSE_ISSUER: 'https://id.example.com/?x=1' }, /^GATEHOUSE_ISSUER: must not have a query/],
  [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL:/],
  [{ GATEHOUSE_MASTER_KEY: 'c2hvcnQ=' }, /^GATEHOUSE_MASTER_KEY: must be 32 bytes/],
  [{ GATEHOUSE_CLIENT_SECRETS: 'plain' }, /^GATEHOUSE_CLIENT_SECRETS: must be one of encrypted, hashed/],
  [{ ACCESS_TOKEN_TTL: '-5' }, /^ACCESS_TOKEN_TTL:/],
  [{ TRUST_PROXY: 'maybe' }, /^TRUST_PROXY:/],
  [{ TRUST_PROXY: '10.0.0.1, proxy.internal' }, /^TRUST_PROXY: must be true, false, a hop count/],
  [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL:/],
  [{ REDIS_URL: 'http://x' }, /^REDIS_URL:/],
  [{ GATEHOUSE_SIGNING_ALG: 'HS256' }, /^GATEHOUSE_SIGNING_ALG:/],
];
for (const [env, message] of bad) {
  test(`rejects ${JSON.stringify(env)} with one line naming the variable`, () => {
    assert.throws(() => loadConfig({ GATEHOUSE_MASTER_KEY: KEY, ...env }), (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, message);
      assert.ok(!error.message.includes('\n'));
      return true;
    });
  });
}

test('without GATEHOUSE_MASTER_KEY a key is generated once with mode 0600, and a warning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-config-'));
  const warnings: string[] = [];
  const first = loadConfig({}, { dataDir: dir, warn: (w) => warnings.push(w) });
  const second = loadConfig({}, { dataDir: dir, warn: (w) => warnings.push(w) });
  assert.equal(first.masterKey.length, 32);
  assert.ok(first.masterKey.equals(second.masterKey));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /development only/);
  assert.equal(statSync(join(dir, 'master.key')).mode & 0o777, 0o600);
  assert.equal(Buffer.from(readFileSync(join(dir, 'master.key'), 'utf8').trim(), 'base64').length, 32);
});
