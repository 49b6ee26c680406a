export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** Prints JSON for `--json`, else aligned `key: value` lines or a table. */
export function printRecord(output: Output, record: Record<string, unknown>, asJson: boolean): void {
  if (asJson) return output.out(JSON.stringify(record));
  const width = Math.max(...Object.keys(record).map((k) => k.length));
  for (const [key, value] of Object.entries(record)) {
    output.out(`${key.padEnd(width)}  ${Array.isArray(value) ? value.join(', ') : String(value ?? '')}`);
  }
}

export function printTable(output: Output, rows: Record<string, unknown>[], asJson: boolean): void {
  if (asJson) return output.out(JSON.stringify(rows));
  if (rows.length === 0) return output.out('(none)');
  const columns = Object.keys(rows[0]);
  const cell = (v: unknown) => (Array.isArray(v) ? v.join(',') : String(v ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  output.out(columns.map((c, i) => c.toUpperCase().padEnd(widths[i])).join('  '));
  for (const row of rows) output.out(columns.map((c, i) => cell(row[c]).padEnd(widths[i])).join('  '));
}
