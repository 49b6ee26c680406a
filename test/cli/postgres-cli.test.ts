import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openStore } from '../../src/storage/database.js';
import { backends } from '../helpers/backends.js';
import { cliEnvironment, ensureBuilt, runCli } from './run-cli.js';

const url = process.env.TEST_DATABASE_URL;
const onPostgres = backends().some((b) => b.name === 'postgres');

describe('gatehouse CLI on PostgreSQL (real binary)', { skip: !onPostgres && 'TEST_DATABASE_URL is not set' }, () => {
  const schema = `cli_${randomBytes(5).toString('hex')}`;
  let context: ReturnType<typeof cliEnvironment>;
  before(async () => {
    await ensureBuilt();
    const admin = openStore(url!, { poolSize: 1 });
    await sql.raw(`create schema ${schema}`).execute(admin.db);
    await admin.close();
    const separator = url!.includes('?') ? '&' : '?';
    context = cliEnvironment(`${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  });
  after(async () => {
    const admin = openStore(url!, { poolSize: 1 });
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
    await admin.close();
  });

  test('migrates, seeds and creates client 3 exactly as on SQLite', async () => {
    const created = await runCli(['client', 'create', '--name', 'Password Grant', '--grant', 'password', '--json'], context);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).id, 3);
    const list = JSON.parse((await runCli(['client', 'list', '--json'], context)).stdout);
    assert.deepEqual(list.map((c: { name: string }) => c.name), ['Gatehouse Console', 'Personal Access Client', 'Password Grant']);
    const migrate = await runCli(['migrate'], context);
    assert.match(migrate.stdout, /up to date/);
  });
});
