// The command lines of `npm run bench` (bench/run.ts) and `npm run bench:peers` (bench/peers.ts).
import { parseArgs, type ParseArgsConfig } from 'node:util';

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

const USAGE = `usage: npm run bench -- [options]
  --quick            the smoke mode CI runs: 1 s per scenario, one slice, 10,000 bulk tokens
  --only a,b         run only these scenarios (bench/scenarios/, e.g. me,introspection)
  --seconds N        per scenario, warm-up included, split into the slices (default 12)
  --rounds N         slices per scenario, the baseline measured around each (default 3)
  --connections N    autocannon connections (default 64)
  --tokens N         access and refresh tokens of the large-store pass; 0 skips it (default 1,000,000)
  --clients N        clients seeded for clients_list (default 10,000)
  --profile          one V8 CPU profile of the server per scenario, in bench/results/profiles/
  --out FILE         where to write the JSON report (default bench/results/)
BENCH_DATABASE_URL=postgres://… runs Gatehouse on PostgreSQL instead of a fresh SQLite file.`;

const PEERS_USAGE = `usage: npm run bench:peers -- [options]
  --seconds N        per server, warm-up included, split into the slices (default 12)
  --rounds N         slices per server, alternating with the others (default 3)
  --connections N    autocannon connections (default 64)
BENCH_DATABASE_URL=postgres://… runs Gatehouse on PostgreSQL instead of a fresh SQLite file.`;

const OPTIONS = {
  help: { type: 'boolean', default: false },
  quick: { type: 'boolean', default: false },
  only: { type: 'string' },
  connections: { type: 'string' },
  seconds: { type: 'string' },
  rounds: { type: 'string' },
  tokens: { type: 'string' },
  clients: { type: 'string' },
  profile: { type: 'boolean', default: false },
  out: { type: 'string' },
} as const;

const { help, connections, seconds, rounds } = OPTIONS;
const PEERS_OPTIONS = { help, connections, seconds, rounds };

/** The parsed command line; on `--help` or a mistake, the usage and an exit. */
function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    const { values } = parseArgs({ args: argv, options });
    if (!(values as { help?: boolean }).help) return values;
    console.log(usage);
    process.exit(0);
  } catch (error) {
    fail((error as Error).message, usage);
  }
}

function fail(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** A numeric option, or its default; one below `least` or not a number is a usage error. */
function numeric(name: string, raw: string | undefined, fallback: number, least: number, usage: string): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= least ? value : fail(`--${name} must be a number, at least ${least} (got '${raw}')`, usage);
}

/** The options both commands take, with the database the bench's Gatehouse runs on. */
function shared(values: { connections?: string; seconds?: string; rounds?: string }, usage: string, defaults: { seconds: number; rounds: number }) {
  return {
    connections: numeric('connections', values.connections, 64, 1, usage),
    seconds: numeric('seconds', values.seconds, defaults.seconds, 1, usage),
    rounds: numeric('rounds', values.rounds, defaults.rounds, 1, usage),
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  };
}

export function options(argv: string[]): BenchOptions {
  const values = parse(argv, OPTIONS, USAGE);
  const quick = values.quick!;
  return {
    ...shared(values, USAGE, quick ? { seconds: 1, rounds: 1 } : { seconds: 12, rounds: 3 }),
    quick,
    only: values.only ? values.only.split(',') : [],
    warmupSeconds: quick ? 0.3 : 2,
    tokens: numeric('tokens', values.tokens, quick ? 10_000 : 1_000_000, 0, USAGE),
    clients: numeric('clients', values.clients, quick ? 1_000 : 10_000, 0, USAGE),
    profile: values.profile!,
    out: values.out,
  };
}

/** `npm run bench:peers`: only the options that apply there. */
export function peerOptions(argv: string[]): Pick<BenchOptions, 'connections' | 'seconds' | 'rounds' | 'warmupSeconds' | 'databaseUrl'> {
  return { ...shared(parse(argv, PEERS_OPTIONS, PEERS_USAGE), PEERS_USAGE, { seconds: 12, rounds: 3 }), warmupSeconds: 2 };
}
