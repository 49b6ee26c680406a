// The command line of `npm run bench` (see bench/run.ts).
import { parseArgs } from 'node:util';

export interface BenchOptions {
  quick: boolean;
  /** Scenario names to run (all when empty). */
  only: string[];
  connections: number;
  seconds: number;
  /** Each pinned scenario is measured in this many slices, the baseline before and after each. */
  rounds: number;
  warmupSeconds: number;
  /** Tokens added for the large-store pass (0 skips it). */
  tokens: number;
  clients: number;
  /** Write one V8 CPU profile of the Gatehouse server per scenario into bench/results/profiles/ (its load only). */
  profile: boolean;
  databaseUrl?: string;
  out?: string;
}

export function options(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      connections: { type: 'string' },
      seconds: { type: 'string' },
      rounds: { type: 'string' },
      tokens: { type: 'string' },
      clients: { type: 'string' },
      profile: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  const quick = values.quick!;
  return {
    quick,
    only: values.only ? values.only.split(',') : [],
    connections: Number(values.connections ?? 64),
    seconds: Number(values.seconds ?? (quick ? 1 : 12)),
    rounds: Number(values.rounds ?? (quick ? 1 : 3)),
    warmupSeconds: quick ? 0.3 : 2,
    tokens: Number(values.tokens ?? (quick ? 10_000 : 1_000_000)),
    clients: Number(values.clients ?? (quick ? 1_000 : 10_000)),
    profile: values.profile!,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    out: values.out,
  };
}
