import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openStore } from '../../src/storage/database.js';
import { cliEnvironment, ensureBuilt, runCli, startServer } from '../cli/run-cli.js';
import { backends } from '../helpers/backends.js';

const url = process.env.TEST_DATABASE_URL;
const onPostgres = backends().some((b) => b.name === 'postgres');

describe('instances starting together on a fresh PostgreSQL database', { skip: !onPostgres && 'TEST_DATABASE_URL is not set' }, () => {
  const schema = `fresh_${randomBytes(5).toString('hex')}`;
  after(async () => {
    const admin = openStore(url!, { poolSize: 1 });
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
    await admin.close();
  });

  test('all come up; built-in clients keep ids 1 and 2; one administrator; one key per algorithm', async () => {
    await ensureBuilt();
    const admin = openStore(url!, { poolSize: 1 });
    await sql.raw(`create schema ${schema}`).execute(admin.db);
    await admin.close();
    const separator = url!.includes('?') ? '&' : '?';
    const context = cliEnvironment(`${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
    const servers = await Promise.all([startServer(context), startServer(context), startServer(context)]);
    try {
      const printed = servers.filter((s) => /Created administrator/.test(s.output()));
      assert.equal(printed.length, 1, 'exactly one instance created (and printed) the administrator');
      const created = JSON.parse((await runCli(['client', 'create', '--name', 'Password Grant', '--grant', 'password', '--json'], context)).stdout);
      assert.equal(created.id, 3);
      const clients = JSON.parse((await runCli(['client', 'list', '--json'], context)).stdout);
      assert.deepEqual(clients.map((c: { id: number; name: string }) => [c.id, c.name]), [[1, 'Gatehouse Console'], [2, 'Personal Access Client'], [3, 'Password Grant']]);
      const keys = JSON.parse((await runCli(['keys', 'list', '--json'], context)).stdout);
      assert.deepEqual(keys.map((k: { alg: string }) => k.alg).sort(), ['ES256', 'RS256']);
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
    }
  });
});
