import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/gatehouse.js');

/** `npm test` builds first; a lone test run builds the CLI if it is missing. */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
  }
}

/** A fresh working directory and environment for the real binary, on SQLite or PostgreSQL. */
export function cliEnvironment(databaseUrl?: string): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'gatehouse-cli-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GATEHOUSE_MASTER_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: databaseUrl ?? `sqlite:${join(cwd, 'gatehouse.db')}`,
    LOG_LEVEL: 'warn',
  };
  return { cwd, env };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { ...options, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Starts `gatehouse serve` and resolves once it prints its listening line. */
export async function startServer(options: { cwd: string; env: NodeJS.ProcessEnv; port?: number }): Promise<{ child: ChildProcess; output: () => string; url: string; port: number }> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: options.cwd, env: { GATEHOUSE_ISSUER: url, ...options.env, PORT: String(port) } });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('Console: ')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, output: () => output, url, port };
}
