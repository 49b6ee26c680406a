// wrk (Debian's package) as the load generator of the password phase, where the generator
// shares the server's cores (every other scenario has a core of its own for autocannon). At
// the ~70 grants/s of that phase autocannon spends 0.04-0.06 of a core on its own work, taken
// from the hashing it is there to measure; wrk spends 0.007. Without wrk installed the phase
// runs on autocannon as before.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, PINNING, spawnPinned } from './processes.js';
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

/**
 * The request; `response` counts what completes after the warm-up (LuaJIT's FFI reads the
 * monotonic clock), and `done` prints those counts with wrk's own totals and latency
 * percentiles (µs, over the whole run) as JSON. Warm-up and measurement are one run, so that
 * the measured window starts with every connection's request in flight: a separate warm-up
 * run would leave its last requests to the server, whose hashing the measured run would then
 * wait behind (a fifth of a second of a 4 s slice at 70 grants/s).
 */
function script(load: LoadOptions): string {
  const headers = Object.entries(load.headers ?? {}).map(([name, value]) => `wrk.headers[${lua(name)}] = ${lua(String(value))}`);
  return [
    `wrk.method = ${lua(load.method ?? 'GET')}`,
    ...(load.body === undefined ? [] : [`wrk.body = ${lua(String(load.body))}`]),
    ...headers,
    'local ffi = require("ffi")',
    'ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } bench_timespec; int clock_gettime(int clock, bench_timespec *time); ]]',
    'local time = ffi.new("bench_timespec")',
    'local function now() ffi.C.clock_gettime(1, time); return tonumber(time.tv_sec) + tonumber(time.tv_nsec) / 1e9 end',
    'succeeded, failed = 0, 0',
    'local from',
    'function init(args) from = now() + tonumber(args[1]) end',
    'function response(status)',
    '  if now() < from then return end',
    '  if status < 400 then succeeded = succeeded + 1 else failed = failed + 1 end',
    'end',
    'local threads = {}',
    'function setup(thread) table.insert(threads, thread) end',
    'function done(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format(\'\\n{"succeeded":%d,"failed":%d,"micros":%d,"failures":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n\',',
    '    threads[1]:get("succeeded"), threads[1]:get("failed"), summary.duration, e.connect + e.read + e.write + e.timeout,',
    '    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))',
    'end',
  ].join('\n');
}

/** One run: `warmupSeconds` unmeasured, then the server's CPU read around the rest. */
export async function runWrk(spec: WrkSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-wrk-'));
  try {
    const file = join(dir, 'load.lua');
    writeFileSync(file, script(spec.load));
    // wrk takes whole seconds; the measured window is what is left after the warm-up.
    const total = Math.max(1, Math.ceil(spec.warmupSeconds + spec.seconds));
    const args = ['-t1', `-c${spec.connections}`, `-d${total}s`, '--timeout', '30s', '-s', file, spec.url + (spec.load.path ?? '/'), '--', String(spec.warmupSeconds)];
    const child = spawnPinned(['wrk', ...args], PINNING?.load);
    const output = collect(child);
    let start = serverCpu(spec.serverPid);
    const warmedUp = setTimeout(() => (start = serverCpu(spec.serverPid)), spec.warmupSeconds * 1000);
    const [code] = await once(child, 'exit');
    clearTimeout(warmedUp);
    const end = serverCpu(spec.serverPid);
    const last = output().trim().split('\n').pop() ?? '';
    if (code !== 0 || !last.startsWith('{')) throw new Error(`wrk failed (${code}):\n${output()}`);
    const run: Record<string, number> = JSON.parse(last);
    const seconds = run.micros / 1e6 - spec.warmupSeconds;
    return {
      rps: run.succeeded / seconds,
      count: run.succeeded,
      seconds,
      p50: run.p50 / 1000,
      p90: run.p90 / 1000,
      p99: run.p99 / 1000,
      max: run.max / 1000,
      non2xx: run.failed,
      errors: run.failures,
      statusCodes: { '<400': run.succeeded, '>=400': run.failed },
      generator: 'wrk',
      ...cpuFields(start, end, seconds, run.succeeded + run.failed),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
