/**
 * The SQL texts that `prepared()` compiled once, each with the name PostgreSQL prepares it
 * under (`postgres-client.ts`). Only
 * those: their number is fixed by the code, where any other query's text may vary with its
 * input and would leave a prepared statement per variant on every connection.
 */
const names = new Map<string, string>();

export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `gatehouse_${names.size + 1}`);
}

export function statementName(sql: string): string | undefined {
  return names.get(sql);
}
