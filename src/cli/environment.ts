import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { Env } from '../config/env-schema.js';

/** The process environment over a `.env` file in the working directory, if there is one. */
export function environmentWithDotenv(env: Env, path = '.env'): Env {
  if (!existsSync(path)) return env;
  return { ...(parseEnv(readFileSync(path, 'utf8')) as Env), ...env };
}
