import pg from 'pg';
import { statementName } from './statement-names.js';

/** What `pg` keeps per connection about the statements it prepared there. */
interface PreparedOnConnection {
  parsedStatements: Record<string, string>;
}

/** PostgreSQL's answer when a table changed under a prepared statement's result (SQLSTATE 0A000). */
function isStalePlan(error: unknown): boolean {
  return (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));
}

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
      if (name !== undefined) return this.#named(name, text, values);
    }
    return (super.query as (...rest: any[]) => any)(...args);
  }

  /**
   * When another instance's migration changed a table under a statement prepared here (a
   * rolling upgrade), PostgreSQL refuses its plan; it is then dropped and prepared again.
   */
  async #named(name: string, text: string, values: unknown[]): Promise<pg.QueryResult> {
    try {
      return await super.query({ name, text, values });
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      try {
        await super.query(`deallocate "${name}"`);
      } catch {
        throw error; // inside a transaction, which the refusal aborted: the caller sees the refusal
      }
      delete (this as unknown as { connection: PreparedOnConnection }).connection.parsedStatements[name];
      return super.query({ name, text, values });
    }
  }
}
