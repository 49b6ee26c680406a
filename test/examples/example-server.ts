import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { cliEnvironment, ensureBuilt, freePort, runCli, startServer } from '../cli/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const ADMIN_PASSWORD = 'example-admin-password';
/** Registered for the code + PKCE examples; any port matches on loopback (RFC 8252 §7.3). */
export const LOOPBACK_REDIRECT = 'http://127.0.0.1/callback';

export interface CreatedClient {
  id: number;
  secret: string;
}

export interface ExampleServer {
  url: string;
  /** The clients each example's README asks for, created with the real CLI. */
  clients: { password: CreatedClient; service: CreatedClient; native: CreatedClient; thirdParty: CreatedClient };
  /** Runs `gatehouse …` against this server's database, as an operator on the server would. */
  cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** A new user, made with `gatehouse user create`. */
  createUser(username: string, password: string): Promise<void>;
  output(): string;
  stop(): void;
}

/**
 * A fresh `gatehouse serve` on SQLite with a known admin password, and the clients the
 * examples' READMEs tell a developer to create, made the same way (`gatehouse client create`).
 */
export async function startExampleServer(env: Record<string, string> = {}): Promise<ExampleServer> {
  await ensureBuilt();
  const context = cliEnvironment();
  Object.assign(context.env, { GATEHOUSE_ADMIN_PASSWORD: ADMIN_PASSWORD }, env);
  const server = await startServer(context);
  const create = async (...args: string[]): Promise<CreatedClient> => {
    const result = await runCli(['client', 'create', ...args, '--json'], context);
    if (result.code !== 0) throw new Error(`gatehouse client create ${args.join(' ')} failed: ${result.stderr}`);
    const { id, secret } = JSON.parse(result.stdout) as { id: number; secret?: string };
    return { id, secret: secret ?? '' };
  };
  try {
    const clients = {
      password: await create('--name', 'Password Grant', '--grant', 'password'),
      service: await create('--name', 'Reporting Service', '--grant', 'client_credentials', '--permission', 'view-users'),
      native: await create('--name', 'Native App', '--grant', 'authorization_code', '--redirect', LOOPBACK_REDIRECT, '--public', '--trusted'),
      // Not first-party: the user sees the consent page.
      thirdParty: await create('--name', 'Third-Party App', '--grant', 'authorization_code', '--redirect', LOOPBACK_REDIRECT, '--public'),
    };
    const createUser = async (username: string, password: string) => {
      const result = await runCli(['user', 'create', username, '--password', password], context);
      if (result.code !== 0) throw new Error(`gatehouse user create ${username} failed: ${result.stderr}`);
    };
    const cli = (...args: string[]) => runCli(args, context);
    return { url: server.url, clients, cli, createUser, output: server.output, stop: () => server.child.kill('SIGTERM') };
  } catch (error) {
    server.child.kill('SIGTERM');
    throw error;
  }
}

/** Copies `examples/<name>` to a fresh directory, so each example runs as a developer would run it. */
export function copyExample(name: string): string {
  const target = join(mkdtempSync(join(tmpdir(), 'gatehouse-example-')), basename(name));
  cpSync(join(ROOT, 'examples', name), target, { recursive: true });
  return target;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with only PATH and HOME from the test's environment plus `env`. */
export function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeout?: number }): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env }, timeout: options.timeout ?? 60_000 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export interface Running {
  /** Resolves with the first match of `pattern` in stdout; rejects if the program exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  done: Promise<RunResult>;
  kill(): void;
}

/** Starts a program that talks while it runs (the code + PKCE examples print a URL, then wait). */
export function start(command: string, args: string[], options: { cwd: string; env?: Record<string, string>; timeout?: number }): Running {
  const child = spawn(command, args, { cwd: options.cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env } });
  const timer = setTimeout(() => child.kill('SIGTERM'), options.timeout ?? 60_000);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  let closed = false;
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      closed = true;
      for (const listener of listeners) listener();
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
  return {
    done,
    kill: () => child.kill('SIGTERM'),
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout);
          if (match) {
            listeners.delete(check);
            resolve(match);
          } else if (closed) {
            listeners.delete(check);
            reject(new Error(`exited before printing ${pattern}:\n${stdout}\n${stderr}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
  };
}

/** A describe-able string of a run, for assertion messages. */
export function transcript(result: RunResult): string {
  return `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

/** A loopback URL on which nothing listens, for the "unreachable server" case. */
export async function unreachableUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}
