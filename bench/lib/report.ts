import type { LoadResult } from './stats.js';

export interface ScenarioReport extends LoadResult {
  name: string;
  description: string;
  /** rps divided by the baseline's (or, for the password grant, by the argon2id ceiling). */
  ratio: number;
  ratioTo: 'baseline' | 'argon2id ceiling';
  /** What `rps` was divided by: the mean of the baseline before and after, or the ceiling. */
  reference: number;
  /** The ratio of every slice, when measured in several (the row shows the median slice). */
  sliceRatios?: number[];
  target?: number;
  met?: boolean;
  connections: number;
  /** 1-minute load average when the scenario started (other work on the machine). */
  loadAverage: number;
}

export interface Check {
  name: string;
  value: string;
  target: string;
  met: boolean;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

/** The table `npm run bench` prints. */
export function table(rows: ScenarioReport[]): string {
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'of', 'of req/s', 'target', 'met', 'CPU µs/req', 'failed', 'load'];
  const lines = rows.map((r) => [
    r.name,
    Math.round(r.rps).toLocaleString('en-US'),
    ms(r.p50),
    ms(r.p99),
    `${(r.ratio * 100).toFixed(1)} %`,
    r.ratioTo,
    Math.round(r.reference).toLocaleString('en-US'),
    r.target === undefined ? '' : `≥ ${Math.round(r.target * 100)} %`,
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.serverCpuUsPerRequest === undefined ? '' : r.serverCpuUsPerRequest.toFixed(0),
    String(r.non2xx + r.errors),
    r.loadAverage.toFixed(2),
  ]);
  return format([header, ...lines]);
}

export function checksTable(checks: Check[]): string {
  return format([['check', 'value', 'target', 'met'], ...checks.map((c) => [c.name, c.value, c.target, c.met ? 'yes' : 'NO'])]);
}

function format(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 || i === 5 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
