import type { BenchReport } from '../run.js';
import type { LoadResult } from './stats.js';

export interface ScenarioReport extends LoadResult {
  name: string;
  description: string;
  /**
   * rps divided by the baseline's; for the password grant, by the argon2id ceiling; in the
   * large-store pass, by the same scenario's on the server with the small store.
   */
  ratio: number;
  ratioTo: 'baseline' | 'argon2id ceiling' | 'small store';
  /** What `rps` was divided by: the mean of the reference before and after, or the ceiling. */
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

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

/** " (slices a, b, c)" when measured in several, each ratio shown by `shown`. */
const sliceNote = (report: ScenarioReport, shown: (ratio: number) => string) =>
  report.sliceRatios && report.sliceRatios.length > 1 ? ` (slices ${report.sliceRatios.map(shown).join(', ')})` : '';

/** The targets, judged on a run. */
export function checks(scenarios: ScenarioReport[], password: BenchReport['password'], largeStore: BenchReport['largeStore']): Check[] {
  const list: Check[] = scenarios
    .filter((s) => s.target !== undefined)
    .map((s) => ({ name: `${s.name} / baseline`, value: `${percent(s.ratio)}${sliceNote(s, percent)}`, target: `≥ ${s.target! * 100} %`, met: s.met! }));
  if (password) {
    list.push({ name: 'password / argon2id ceiling', value: `${percent(password.grant.ratio)} (${password.grant.rps.toFixed(0)} of ${password.ceiling.toFixed(0)}/s)${sliceNote(password.grant, percent)}`, target: '≥ 90 %', met: password.grant.ratio >= 0.9 });
    const factor = password.meUnderLoad.p99 / password.meIdle.p99;
    list.push({ name: 'me p99 under password load / idle', value: `${factor.toFixed(2)}× (${password.meUnderLoad.p99.toFixed(2)} / ${password.meIdle.p99.toFixed(2)} ms)`, target: '≤ 5×', met: factor <= 5 });
  }
  for (const large of largeStore?.scenarios ?? []) {
    const change = large.ratio - 1;
    const changeIn = (ratio: number) => percent(ratio - 1);
    list.push({ name: `${large.name} with ${largeStore!.rows.accessTokens.toLocaleString('en-US')} tokens`, value: `${change >= 0 ? '+' : ''}${percent(change)}${sliceNote(large, changeIn)}`, target: '≥ -20 %', met: large.met! });
  }
  return list;
}
