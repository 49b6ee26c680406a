import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import SQLite from 'better-sqlite3';
import { cliEnvironment, ensureBuilt, runCli, startServer } from '../cli/run-cli.js';

const basicAuth = (id: number, secret: string) => 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64');

describe('process faults on SQLite (real binary)', () => {
  before(ensureBuilt);

  test('kill -9 during a burst of writes loses no committed token; the database stays intact', async () => {
    const context = cliEnvironment();
    const { id, secret } = JSON.parse((await runCli(['client', 'create', '--name', 'burst', '--grant', 'client_credentials', '--json'], context)).stdout);
    const server = await startServer(context);
    const issued: string[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        try {
          const res = await fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { authorization: basicAuth(id, secret) }, body: new URLSearchParams({ grant_type: 'client_credentials' }) });
          if (res.status === 200) issued.push(((await res.json()) as { access_token: string }).access_token);
        } catch {
          return;
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await new Promise((r) => setTimeout(r, 700));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    assert.ok(issued.length > 20, `only ${issued.length} tokens issued before the kill`);

    const file = join(context.cwd, 'gatehouse.db');
    const db = new SQLite(file);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.close();

    const restarted = await startServer({ ...context, port: server.port });
    try {
      for (const token of issued) {
        const me = await fetch(`${restarted.url}/api/1.0/me`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(me.status, 200, 'a token answered 200 before the kill is still valid');
      }
    } finally {
      restarted.child.kill('SIGTERM');
    }
  });

  test('SIGTERM lets in-flight requests finish, then exits 0', async () => {
    const context = cliEnvironment();
    context.env.GATEHOUSE_ADMIN_PASSWORD = 'drain-password-1';
    const { id, secret } = JSON.parse((await runCli(['client', 'create', '--name', 'drain', '--grant', 'password', '--json'], context)).stdout);
    const server = await startServer(context);
    let answered!: () => void;
    const firstAnswer = new Promise<void>((done) => (answered = done));
    const requests = Array.from({ length: 24 }, () =>
      fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basicAuth(id, secret) },
        body: new URLSearchParams({ grant_type: 'password', username: 'admin', password: 'drain-password-1' }),
      }).then(
        (r) => (answered(), r.status),
        () => 'connection error',
      ),
    );
    // Once the first answer is out, the rest of the burst is in flight on the server.
    await firstAnswer;
    const exited = new Promise<number | null>((done) => server.child.on('exit', done));
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(requests);
    assert.deepEqual(statuses, Array(24).fill(200));
    assert.equal(await exited, 0);
  });
});
