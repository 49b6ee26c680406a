// `npm run bench [-- --quick] [--only a,b] [--connections N] [--seconds S] [--tokens N] [--profile]` (`--help`: all options)
// Runs the baseline and every Gatehouse scenario, prints a table of req/s, p50, p99 and the
// ratio to the baseline, and writes it as JSON under bench/results/. Method: docs/performance.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { options, type BenchOptions } from './lib/options.js';
import { startGatehouse, type Gatehouse } from './lib/gatehouse.js';
import type { Scenario, Seed } from './lib/scenario.js';
import { BENCH_DIR, PINNING, repin, runLoad, spawnNode, startServer, type ServerProcess } from './lib/processes.js';
import { checks, checksTable, table, type Check, type ScenarioReport } from './lib/report.js';
import type { LoadResult } from './lib/stats.js';
import { HAS_WRK, runWrk } from './lib/wrk.js';
import { scenario as baselineScenario } from './scenarios/baseline.js';
import { PINNED_SCENARIOS } from './scenarios/index.js';
import { scenario as meScenario } from './scenarios/me.js';
import { scenario as passwordScenario } from './scenarios/password.js';
import { scenario as signingFloorScenario } from './scenarios/signing-floor.js';

export interface BenchReport {
  startedAt: string;
  machine: { cpus: number; model: string; memoryGiB: number; node: string; pinned: boolean; loadAverageStart: number[]; loadAverageEnd?: number[] };
  options: BenchOptions;
  dialect: 'sqlite' | 'postgres';
  /** The first measurement of the baseline; `baselines` holds every one, in order. */
  baseline: ScenarioReport;
  baselines: number[];
  scenarios: ScenarioReport[];
  /**
   * `ceilings`: raw argon2id verifies/s on all cores at normal priority (the target's
   * yardstick), measured before the grant's first slice and after each; `ceiling`: the mean
   * of the two around its median slice; `lowPriorityCeiling`: the same at nice 19, i.e. what
   * other work on the machine leaves (reference only, not in the smoke mode); `meUnderLoad`:
   * /me probed while the grant is saturated.
   */
  password?: { ceiling: number; ceilings: number[]; lowPriorityCeiling?: number; grant: ScenarioReport; meIdle: LoadResult; meUnderLoad: LoadResult };
  largeStore?: { rows: Record<string, number>; scenarios: ScenarioReport[] };
  checks: Check[];
}

const PROFILE_DIR = join(BENCH_DIR, 'results', 'profiles');

const PROBE = { connections: 2, overallRate: 200 } as const;

function wanted(opts: BenchOptions, name: string): boolean {
  return opts.only.length === 0 || opts.only.includes(name);
}

async function measure(opts: BenchOptions, file: string, scenario: Scenario<any>, seed: Seed, extra: { connections?: number; overallRate?: number; wrk?: boolean } = {}) {
  const connections = extra.connections ?? opts.connections;
  const loadAverage = loadavg()[0];
  const params = await scenario.prepare(seed, connections);
  const run = { url: seed.url, connections, seconds: opts.seconds, warmupSeconds: opts.warmupSeconds, serverPid: seed.pid };
  const result = extra.wrk && HAS_WRK
    ? await runWrk({ ...run, load: scenario.load(params, seed) })
    : await runLoad({ ...run, scenario: file, params, seed, overallRate: extra.overallRate });
  if (result.count === 0) throw new Error(`${scenario.name}: no successful response (${JSON.stringify(result.statusCodes)}, ${result.errors} errors)`);
  return { result, connections, loadAverage };
}

function report(scenario: Scenario<any>, m: { result: LoadResult; connections: number; loadAverage: number }, reference: number, ratioTo: ScenarioReport['ratioTo'], target = scenario.target): ScenarioReport {
  const ratio = m.result.rps / reference;
  return {
    name: scenario.name,
    description: scenario.description,
    ...m.result,
    ratio,
    ratioTo,
    reference,
    target,
    met: target === undefined ? undefined : ratio >= target,
    connections: m.connections,
    loadAverage: m.loadAverage,
  };
}

/** One slice of a scenario's measured time (see pinnedScenarios). */
const sliceOf = (opts: BenchOptions): BenchOptions => ({ ...opts, seconds: opts.seconds / opts.rounds });

/**
 * The bare Fastify server, kept up for the whole run and measured again after every slice of
 * every scenario (pinnedScenarios), because on a shared machine the speed of the core drifts
 * (2× within minutes here) by more than the margins being judged.
 */
async function startBaseline(opts: BenchOptions) {
  const server = await startServer<{ url: string }>('baseline-server.ts', { cores: PINNING?.server, env: {} });
  const seed = { url: server.ready.url, pid: server.child.pid } as Seed;
  const measurements: ScenarioReport[] = [];
  return {
    measurements,
    async measure(slice = opts): Promise<ScenarioReport> {
      const m = await measure(slice, 'baseline', baselineScenario, seed);
      const measured = report(baselineScenario, m, m.result.rps, 'baseline');
      measurements.push(measured);
      process.stderr.write(`  baseline: ${Math.round(measured.rps)} req/s\n`);
      return measured;
    },
    /** One slice of the signing floor (reference), served by the same process. */
    async floor(slice: BenchOptions) {
      const m = await measure(slice, 'signing-floor', signingFloorScenario, seed);
      process.stderr.write(`  signing_floor: ${Math.round(m.result.rps)} req/s\n`);
      return m;
    },
    stop: () => server.stop(),
  };
}
type Baseline = Awaited<ReturnType<typeof startBaseline>>;

async function argon2Ceiling(seconds: number, lowPriority = false): Promise<number> {
  const child = spawnNode('argon2-ceiling.ts', [String(seconds), ...(lowPriority ? ['--low-priority'] : [])], { cores: PINNING?.all });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  await new Promise((resolve) => child.once('exit', resolve));
  return JSON.parse(output.trim().split('\n').pop()!).verifiesPerSecond;
}

/**
 * The password grant's unmeasured warm-up, in seconds. The other scenarios serve 10,000+
 * requests in their 2 s warm-up; the password grant serves ~150/s, and V8 optimises a
 * function only after some thousands of calls, so after 2 s it still runs unoptimised code
 * (about 1.7 ms of event-loop CPU per grant here, 1.1 ms once optimised). 20 s is ~3,000 grants.
 */
const PASSWORD_WARMUP_SECONDS = 20;

/**
 * The password grant on both cores against the argon2id ceiling, and /me's p99 meanwhile.
 * Like the other scenarios it runs in slices, the ceiling measured before the first and after
 * every one: on a shared machine the CPU left over drifts (the ceiling by 20 % within a
 * minute here) by more than the margin being judged.
 */
async function passwordPhase(opts: BenchOptions, server: ServerProcess<Seed>, seed: Seed) {
  repin(server.child.pid!, PINNING?.all ?? '0');
  // The load generator shares the server's cores in this phase: wrk, the lighter one, when installed.
  const grantLoad = { connections: 16, wrk: true };
  try {
    const slice = sliceOf(opts);
    const lowPriorityCeiling = opts.quick ? undefined : await argon2Ceiling(slice.seconds, true);
    const meIdle = (await measure(opts, 'me', meScenario, seed, PROBE)).result;
    if (!opts.quick) await measure({ ...opts, seconds: PASSWORD_WARMUP_SECONDS, warmupSeconds: 0 }, 'password', passwordScenario, seed, grantLoad);
    const ceilings = [await argon2Ceiling(slice.seconds)];
    const slices: ScenarioReport[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      const grant = await profiled(opts, server, round === 0 ? 'password' : undefined, () => measure(slice, 'password', passwordScenario, seed, grantLoad));
      process.stderr.write(`  password: ${Math.round(grant.result.rps)} grants/s\n`);
      ceilings.push(await argon2Ceiling(slice.seconds));
      slices.push(report(passwordScenario, grant, (ceilings.at(-2)! + ceilings.at(-1)!) / 2, 'argon2id ceiling'));
    }
    // /me's latency while the grant is saturated, in a window of its own: the probe's 200
    // requests/s are not the grant's and would count against its ratio.
    const [, meUnderLoad] = await Promise.all([measure(slice, 'password', passwordScenario, seed, grantLoad), measure(slice, 'me', meScenario, { ...seed, pid: undefined }, PROBE)]);
    const grant = medianSlice(slices);
    return { ceiling: grant.reference, ceilings, lowPriorityCeiling, grant, meIdle, meUnderLoad: meUnderLoad.result };
  } finally {
    repin(server.child.pid!, PINNING?.server ?? '0');
  }
}

/** With --profile, the server's main thread is profiled while `work` runs, into profiles/NAME.cpuprofile. */
async function profiled<T>(opts: BenchOptions, server: ServerProcess<Seed>, name: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!opts.profile || name === undefined) return work();
  await server.request({ type: 'profile-start' });
  const result = await work();
  mkdirSync(PROFILE_DIR, { recursive: true });
  await server.request({ type: 'profile-stop', file: join(PROFILE_DIR, `${name}.cpuprofile`) });
  return result;
}

/** The large-store pass repeats every store-bound scenario; --quick (under a minute) only client_credentials. */
function rerunWithLargeStore(opts: BenchOptions, name: string): boolean {
  if (name === 'healthz') return false;
  return !opts.quick || name === 'client_credentials';
}

/**
 * Each scenario in `opts.rounds` slices of `seconds / rounds`, the baseline measured after
 * every slice: a slice is divided by the mean of the baseline just before and just after it,
 * and the scenario reports its median slice (req/s, latencies and CPU of that slice).
 */
async function pinnedScenarios(opts: BenchOptions, server: ServerProcess<Seed>, seed: Seed, baseline: Baseline): Promise<ScenarioReport[]> {
  const reports: ScenarioReport[] = [];
  const slice = sliceOf(opts);
  let before = baseline.measurements.at(-1) ?? (await baseline.measure(slice));
  for (const { file, scenario } of PINNED_SCENARIOS) {
    if (!wanted(opts, scenario.name)) continue;
    const withFloor = scenario.besideSigningFloor === true;
    const slices: ScenarioReport[] = [];
    const floorSlices: ScenarioReport[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      const floor = withFloor ? await baseline.floor(slice) : undefined;
      const m = await profiled(opts, server, round === 0 ? scenario.name : undefined, () => measure(slice, file, scenario, seed));
      process.stderr.write(`  ${scenario.name}: ${Math.round(m.result.rps)} req/s\n`);
      // The smoke mode (--quick, in CI) measures the baseline once: it checks that everything runs.
      const after = opts.quick ? before : await baseline.measure(slice);
      const reference = (before.rps + after.rps) / 2;
      if (floor) floorSlices.push(report(signingFloorScenario, floor, reference, 'baseline'));
      slices.push(report(scenario, m, reference, 'baseline'));
      before = after;
    }
    if (withFloor) reports.push(medianSlice(floorSlices));
    reports.push(medianSlice(slices));
  }
  return reports;
}

/** A scenario's median slice, carrying every slice's ratio. */
function medianSlice(slices: ScenarioReport[]): ScenarioReport {
  const median = [...slices].sort((a, b) => a.ratio - b.ratio)[Math.floor(slices.length / 2)];
  return { ...median, sliceRatios: slices.map((s) => s.ratio) };
}

/** The issue's limit for the large store: no scenario more than 20 % slower. */
const LARGE_STORE_FLOOR = 0.8;

/**
 * The large-store pass: each store-bound scenario on a second Gatehouse whose store holds the
 * bulk tokens, in slices that alternate with the same scenario on the first server (small
 * store, both on the server core): a slice divides by the mean of the small store's slices
 * just before and after it. Both stores are measured in the same minutes, so the change is
 * not the machine's drift between two passes run minutes apart.
 */
async function largeStoreScenarios(opts: BenchOptions, small: Gatehouse, large: Gatehouse): Promise<ScenarioReport[]> {
  const reports: ScenarioReport[] = [];
  const slice = sliceOf(opts);
  for (const { file, scenario } of PINNED_SCENARIOS) {
    if (!wanted(opts, scenario.name) || !rerunWithLargeStore(opts, scenario.name)) continue;
    // The first pass warmed the small store's server up on this scenario; an unmeasured slice
    // does the same for the other (not in the smoke mode, which judges nothing).
    if (!opts.quick) await measure(slice, file, scenario, large.seed);
    let before = await measure(slice, file, scenario, small.seed);
    const slices: ScenarioReport[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      const m = await profiled(opts, large.server, round === 0 ? `${scenario.name}-large-store` : undefined, () => measure(slice, file, scenario, large.seed));
      // The smoke mode (--quick, in CI) measures the small store once, before.
      const after = opts.quick ? before : await measure(slice, file, scenario, small.seed);
      process.stderr.write(`  ${scenario.name}: ${Math.round(m.result.rps)} req/s with the large store, ${Math.round(after.result.rps)} with the small\n`);
      slices.push(report(scenario, m, (before.result.rps + after.result.rps) / 2, 'small store', LARGE_STORE_FLOOR));
      before = after;
    }
    reports.push(medianSlice(slices));
  }
  return reports;
}

export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, pinned: PINNING !== undefined, loadAverageStart: loadavg() };
  process.stderr.write(`bench: ${machine.cpus} × ${machine.model}, load ${machine.loadAverageStart.map((l) => l.toFixed(2)).join(' ')}${PINNING ? '' : ' (no taskset: not pinned)'}\n`);

  const baseline = await startBaseline(opts);
  // Both Gatehouse servers start together; the second is filled before anything is measured,
  // since the bulk insert would disturb any slice it overlapped.
  const started = await Promise.allSettled([startGatehouse(opts), ...(opts.tokens > 0 ? [startGatehouse(opts)] : [])]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    for (const result of started) if (result.status === 'fulfilled') await result.value.stop();
    await baseline.stop();
    throw failed.reason;
  }
  const [gatehouse, large] = started.map((result) => (result as PromiseFulfilledResult<Gatehouse>).value);
  const { server, seed } = gatehouse;
  try {
    let largeStore: BenchReport['largeStore'];
    if (large) {
      process.stderr.write(`  adding ${opts.tokens.toLocaleString('en-US')} access and refresh tokens to a second server…\n`);
      largeStore = { rows: await large.server.request<Record<string, number>>({ type: 'bulk-tokens', count: opts.tokens }), scenarios: [] };
    }
    const scenarios = await pinnedScenarios(opts, server, seed, baseline);
    const password = wanted(opts, 'password') ? await passwordPhase(opts, server, seed) : undefined;
    if (large && largeStore) largeStore.scenarios = await largeStoreScenarios(opts, gatehouse, large);
    const result: BenchReport = {
      startedAt,
      machine: { ...machine, loadAverageEnd: loadavg() },
      options: opts,
      dialect: gatehouse.dialect,
      baseline: baseline.measurements[0],
      baselines: baseline.measurements.map((m) => m.rps),
      scenarios,
      password,
      largeStore,
      checks: checks(scenarios, password, largeStore),
    };
    return result;
  } finally {
    await gatehouse.stop();
    await large?.stop();
    await baseline.stop();
  }
}

export function printReport(result: BenchReport): string {
  const rows = [result.baseline, ...result.scenarios, ...(result.password ? [result.password.grant] : [])];
  const lines = [
    `Gatehouse bench, ${result.dialect}, ${result.machine.cpus} × ${result.machine.model}, Node ${result.machine.node}${result.machine.pinned ? ', server and load generator pinned to separate cores' : ''}`,
    `load average at start ${result.machine.loadAverageStart.map((l) => l.toFixed(2)).join(' ')}, at end ${result.machine.loadAverageEnd?.map((l) => l.toFixed(2)).join(' ')}`,
    '',
    table(rows),
    '',
    `baseline measured ${result.baselines.length} times, around every slice of every scenario (${result.options.rounds} per scenario): ${Math.round(Math.min(...result.baselines)).toLocaleString('en-US')}–${Math.round(Math.max(...result.baselines)).toLocaleString('en-US')} req/s; a slice divides by the mean of the two around it ("of req/s"), a scenario shows its median slice`,
  ];
  if (result.password) {
    const { ceilings, lowPriorityCeiling, grant } = result.password;
    lines.push('', `argon2id ceiling (raw verifies on all cores, before the grant's first slice and after each): ${ceilings.map((c) => c.toFixed(0)).join(', ')}/s; a slice divides by the mean of the two around it${lowPriorityCeiling === undefined ? '' : `; at nice 19, as the hashing workers run: ${lowPriorityCeiling.toFixed(0)}/s (the password grant is ${((grant.rps / lowPriorityCeiling) * 100).toFixed(1)} % of that)`}`);
    if (grant.serverCpuUtilisation !== undefined && grant.serverLoopUtilisation !== undefined) {
      const perGrant = (cores: number) => `${Math.round((cores / grant.rps) * 1e6).toLocaleString('en-US')} µs per grant`;
      lines.push(`the grant's median slice used ${grant.serverCpuUtilisation.toFixed(2)} cores: its event loop ${grant.serverLoopUtilisation.toFixed(2)} (${perGrant(grant.serverLoopUtilisation)}), its other threads (hashing, WAL fsyncs) ${(grant.serverCpuUtilisation - grant.serverLoopUtilisation).toFixed(2)}; the rest of the ${result.machine.cpus} cores went to the load generator (${grant.generator}), the kernel and the machine`);
    }
    lines.push(`me at ${PROBE.overallRate} req/s: idle p99 ${result.password.meIdle.p99.toFixed(2)} ms, while the password grant is saturated p99 ${result.password.meUnderLoad.p99.toFixed(2)} ms`);
  }
  if (result.largeStore) lines.push('', `with ${result.largeStore.rows.accessTokens.toLocaleString('en-US')} access and ${result.largeStore.rows.refreshTokens.toLocaleString('en-US')} refresh tokens in the store:`, '', table(result.largeStore.scenarios));
  lines.push('', checksTable(result.checks));
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = options(process.argv.slice(2));
  const known = [...PINNED_SCENARIOS.map(({ scenario }) => scenario.name), passwordScenario.name];
  const unknown = opts.only.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    console.error(`no such scenario: ${unknown.join(', ')} (the scenarios: ${known.join(', ')})`);
    process.exit(2);
  }
  const result = await runBench(opts);
  console.log(printReport(result));
  const dir = join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const out = opts.out ?? join(dir, `${result.startedAt.replace(/[:.]/g, '-')}-${result.dialect}${opts.quick ? '-quick' : ''}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwritten to ${out}`);
}
