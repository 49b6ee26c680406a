import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { buildApp } from '../../src/app.js';
import { bootstrap } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createServices } from '../../src/services.js';
import { openStore } from '../../src/storage/database.js';
import { cliEnvironment, ensureBuilt, runCli } from '../cli/run-cli.js';
import { ADMIN_PASSWORD, basic } from '../helpers/harness.js';
import { mountTmpfs } from './tmpfs.js';

const full = mountTmpfs(1024);
const readOnly = mountTmpfs(4096);
const noMount = 'this sandbox does not allow mounting a tmpfs';

describe('a full disk', { skip: !full && noMount }, () => {
  after(() => full?.unmount());

  test('writes answer 503 with a clear error, never 500, and nothing is half-written', async () => {
    const file = join(full!.dir, 'gatehouse.db');
    const config = loadConfig({ GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'), GATEHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' });
    const services = createServices(config, openStore(config.databaseUrl));
    await bootstrap(services);
    const { client, secret } = await services.clientService.create({ name: 'filler', grantTypes: ['client_credentials'], confidential: true }, { actor: null });
    const app = await buildApp(services);
    const statuses = new Map<number, number>();
    let lastBody = '';
    const issued: string[] = [];
    for (let i = 0; i < 20_000 && !statuses.has(503); i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(client.id, secret!) },
        payload: 'grant_type=client_credentials',
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 200) issued.push(res.json().access_token);
      else lastBody = res.body;
    }
    assert.ok(statuses.has(503), `the disk never filled: ${JSON.stringify([...statuses])}`);
    assert.deepEqual([...statuses.keys()].sort(), [200, 503]);
    assert.equal(JSON.parse(lastBody).error, 'temporarily_unavailable');
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'the process survives');
    await app.close();
    await services.close();
    const db = new SQLite(file, { readonly: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    const rows = db.prepare('select count(*) as n from access_tokens').get() as { n: number };
    assert.equal(rows.n, issued.length, 'every answered token is stored, and nothing else');
    db.close();
  });
});

describe('a read-only data directory', { skip: !readOnly && noMount }, () => {
  after(() => readOnly?.unmount());

  test('the CLI stops with one clear line, whether the database exists or not', async () => {
    await ensureBuilt();
    const existing = cliEnvironment(`sqlite:${join(readOnly!.dir, 'existing.db')}`);
    assert.equal((await runCli(['client', 'create', '--name', 'kept', '--grant', 'password'], existing)).code, 0);
    readOnly!.readOnly();
    const missing = cliEnvironment(`sqlite:${join(readOnly!.dir, 'missing.db')}`);
    for (const context of [existing, missing]) {
      const result = await runCli(['client', 'create', '--name', 'more', '--grant', 'password'], context);
      assert.equal(result.code, 1);
      assert.equal(result.stderr.trim().split('\n').length, 1);
      assert.match(result.stderr, /^gatehouse: (cannot open the SQLite database .*writable|attempt to write a readonly database)/);
    }
    readOnly!.readWrite();
    const db = new SQLite(join(readOnly!.dir, 'existing.db'), { fileMustExist: true });
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.prepare('select name from oauth_clients order by id').all().map((r: any) => r.name), ['Gatehouse Console', 'Personal Access Client', 'kept']);
    db.close();
  });
});
