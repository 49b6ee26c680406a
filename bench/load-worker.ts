// The load generator process: runs one scenario with autocannon and prints a LoadResult as
// the last line of stdout. Started (and pinned to its own core) by bench/lib/load.ts.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import type { Scenario, Seed } from './lib/scenario.js';
import { cpuFields, serverCpu } from './lib/server-cpu.js';
import { Latencies, type LoadResult } from './lib/stats.js';

export interface LoadSpec {
  scenario: string;
  url: string;
  params: unknown;
  seed: Seed;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Requests per second across all connections; unset: as fast as the server answers. */
  overallRate?: number;
  /** The server's pid, to measure the CPU time it spends (Linux /proc). */
  serverPid?: number;
}

const spec: LoadSpec = JSON.parse(process.argv[2]);
const module = await import(pathToFileURL(join(import.meta.dirname, 'scenarios', `${spec.scenario}.ts`)).href);
const scenario = module.scenario as Scenario;
const options = scenario.load(spec.params, spec.seed);

const latencies = new Latencies();
const statusCodes: Record<string, number> = {};
let measuring = spec.warmupSeconds === 0;
let started = performance.now();
let cpuAtStart = serverCpu(spec.serverPid);
let count = 0;
let non2xx = 0;
let errors = 0;

const instance = autocannon(
  {
    // autocannon takes the path of plain requests from the URL, not from `path`.
    url: spec.url + (options.path ?? ''),
    connections: spec.connections,
    duration: spec.warmupSeconds + spec.seconds,
    // autocannon stops at its first sample after `duration`: with the default 1 s samples a
    // 5.3 s slice ran 6 s (and measured 4 s, not 3.3 s).
    sampleInt: 100,
    timeout: 30,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    ...options,
  },
  (error) => {
    if (error) throw error;
    const seconds = (performance.now() - started) / 1000;
    const [p50, p90, p99, max] = latencies.percentiles(50, 90, 99, 100);
    const result: LoadResult = {
      rps: count / seconds,
      count,
      seconds,
      p50,
      p90,
      p99,
      max,
      non2xx,
      errors,
      statusCodes,
      generator: 'autocannon',
      ...cpuFields(cpuAtStart, serverCpu(spec.serverPid), seconds, count + non2xx),
    };
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
  },
);
if (!measuring) {
  setTimeout(() => {
    measuring = true;
    started = performance.now();
    cpuAtStart = serverCpu(spec.serverPid);
  }, spec.warmupSeconds * 1000);
}
instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
  if (!measuring) return;
  statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  // Success is 2xx, or the 302 that carries a code back to the client.
  if (status >= 200 && status < 400) {
    count++;
    latencies.add(ms);
  } else {
    non2xx++;
  }
});
instance.on('reqError', () => {
  if (measuring) errors++;
});
