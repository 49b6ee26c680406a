import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { LoadSpec } from '../load-worker.js';
import type { LoadResult } from './stats.js';

export const BENCH_DIR = join(import.meta.dirname, '..');

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Core layout (issue 8): the load generator on core 0, the server on core 1. */
export const PINNING = hasTaskset() && availableParallelism() >= 2 ? { load: '0', server: '1', all: `0-${availableParallelism() - 1}` } : undefined;

/** A command, under `taskset -c <cores>` when pinning is possible; stdout and stderr piped. */
export function spawnPinned(argv: string[], cores: string | undefined, options: { env?: NodeJS.ProcessEnv; ipc?: boolean } = {}): ChildProcess {
  const [command, ...rest] = PINNING && cores ? ['taskset', '-c', cores, ...argv] : argv;
  return spawn(command, rest, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])],
  });
}

/** `node --import tsx <script>`, pinned as spawnPinned does. */
export function spawnNode(script: string, args: string[], options: { cores?: string; env?: NodeJS.ProcessEnv; nodeFlags?: string[]; ipc?: boolean }): ChildProcess {
  return spawnPinned([process.execPath, ...(options.nodeFlags ?? []), '--import', 'tsx', join(BENCH_DIR, script), ...args], options.cores, options);
}

/** Moves every thread of a running process to `cores` (the password phase uses both). */
export function repin(pid: number, cores: string): void {
  if (PINNING) execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Everything a child writes to stdout and stderr, so far. */
export function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return () => output;
}

/** A server child that reports `{type:'ready', …}` over IPC and answers `{id, …}` requests. */
export interface ServerProcess<R> {
  child: ChildProcess;
  ready: R;
  request<T>(message: Record<string, unknown>): Promise<T>;
  output(): string;
  stop(): Promise<void>;
}

export async function startServer<R>(script: string, options: { cores?: string; env: NodeJS.ProcessEnv; nodeFlags?: string[]; timeoutMs?: number }): Promise<ServerProcess<R>> {
  const child = spawnNode(script, [], { ...options, ipc: true });
  const output = collect(child);
  const pending = new Map<number, (value: any) => void>();
  let nextId = 1;
  const ready = await new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output()}`)), options.timeoutMs ?? 60_000);
    child.on('message', (message: any) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message as R);
      } else if (message.id !== undefined) {
        const done = pending.get(message.id);
        pending.delete(message.id);
        done?.(message);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output()}`));
    });
  });
  return {
    child,
    ready,
    output,
    request<T>(message: Record<string, unknown>) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, (reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply as T)));
        child.send({ ...message, id });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs one scenario's load from a separate process and returns what it measured. */
export async function runLoad(spec: LoadSpec, cores = PINNING?.load): Promise<LoadResult> {
  const child = spawnNode('load-worker.ts', [JSON.stringify(spec)], { cores });
  const output = collect(child);
  const [code] = await once(child, 'exit');
  const lines = output().trim().split('\n');
  const last = lines[lines.length - 1];
  if (code !== 0 || !last?.startsWith('{')) throw new Error(`load generator for ${spec.scenario} failed (${code}):\n${output()}`);
  return JSON.parse(last) as LoadResult;
}
