// wrk (Debian's package) as the load generator of the password phase, where the generator
// shares the server's cores (every other scenario has a core of its own for autocannon). At
// the ~70 grants/s of that phase autocannon spends 0.04-0.06 of a core on its own work, taken
// from the hashing it is there to measure; wrk spends 0.007. Without wrk installed the phase
// runs on autocannon as before.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PINNING } from './processes.js';
import type { LoadOptions } from './scenario.js';
import { cpuFields, serverCpu } from './server-cpu.js';
import type { LoadResult } from './stats.js';

export const HAS_WRK = spawnSync('wrk', ['-v'], { stdio: 'ignore' }).error === undefined;

export interface WrkSpec {
  url: string;
  load: LoadOptions;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  serverPid?: number;
}

/** A Lua string literal; the bench's requests are printable ASCII. */
function lua(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`wrk: not printable ASCII: ${text.slice(0, 40)}`);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The request, and a `done` that prints wrk's own counts and latency percentiles (µs) as JSON. */
function script(load: LoadOptions): string {
  const headers = Object.entries(load.headers ?? {}).map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(String(value))}`);
  return [
    `wrk.method = ${lua(load.method ?? 'GET')}`,
    `wrk.path = ${lua(load.path ?? '/')}`,
    ...(load.body === undefined ? [] : [`wrk.body = ${lua(String(load.body))}`]),
    ...headers,
    'function done(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'\\n{"requests":%d,"micros":%d,"status":%d,"failures":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n\',',
    '    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,',
    '    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))',
    'end',
  ].join('\n');
}

async function wrk(spec: WrkSpec, file: string, seconds: number): Promise<Record<string, number>> {
  const args = ['-t1', `-c${spec.connections}`, `-d${Math.max(1, Math.round(seconds))}s`, '--timeout', '30s', '-s', file, spec.url + (spec.load.path ?? '/')];
  const [command, ...rest] = PINNING ? ['taskset', '-c', PINNING.load, 'wrk', ...args] : ['wrk', ...args];
  const child = spawn(command, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  const last = output.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('{')) throw new Error(`wrk failed (${code}):\n${output}`);
  return JSON.parse(last);
}

/** One measured run: an unmeasured warm-up run first, then the server's CPU read around the measured one. */
export async function runWrk(spec: WrkSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-wrk-'));
  try {
    const file = join(dir, 'load.lua');
    writeFileSync(file, script(spec.load));
    if (spec.warmupSeconds > 0) await wrk(spec, file, spec.warmupSeconds);
    const start = serverCpu(spec.serverPid);
    const run = await wrk(spec, file, spec.seconds);
    const end = serverCpu(spec.serverPid);
    const seconds = run.micros / 1e6;
    // wrk counts statuses above 399 as errors; every other response is a success here.
    const count = run.requests - run.status;
    return {
      rps: count / seconds,
      count,
      seconds,
      p50: run.p50 / 1000,
      p90: run.p90 / 1000,
      p99: run.p99 / 1000,
      max: run.max / 1000,
      non2xx: run.status,
      errors: run.failures,
      statusCodes: { '<400': count, '>=400': run.status },
      generator: 'wrk',
      ...cpuFields(start, end, seconds, run.requests),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
