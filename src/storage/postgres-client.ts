import pg from 'pg';
import { statementName } from './statement-names.js';

/**
 * A `pg` client that runs the queries `prepared()` compiled as named prepared statements
 * (PostgreSQL's extended protocol, "Parse" once per connection, then "Bind"/"Execute"):
 * the server parses and plans each of them once per connection instead of on every call.
 * Kysely calls `query(text, values)`; any other query runs unnamed, as before.
 */
export class PreparingClient extends pg.Client {
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && callback === undefined) {
      const name = statementName(text);
      if (name !== undefined) return super.query({ name, text, values });
    }
    return (super.query as (...rest: any[]) => any)(...args);
  }
}
