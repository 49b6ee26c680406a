import { ConfigError } from '../config/config.js';
import type { Env } from '../config/env-schema.js';
import { ValidationError } from '../shared/validation-error.js';
import { CliError } from './cli-error.js';
import { clientCommand } from './commands/client.js';
import { keysCommand } from './commands/keys.js';
import { purgeCommand } from './commands/purge.js';
import { serve } from './commands/serve.js';
import { tokenCommand } from './commands/token.js';
import { userCommand } from './commands/user.js';
import { openContext, type CliContext } from './context.js';
import { environmentWithDotenv } from './environment.js';
import type { Output } from './output.js';

type Command = (context: CliContext, args: string[], output: Output) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  serve: (context, _args, output) => serve(context, output),
  migrate: async (context, _args, output) => {
    output.out(`Migrations applied: ${context.bootstrapped.migrations.join(', ') || 'none (up to date)'}`);
    return 0;
  },
  user: userCommand,
  client: clientCommand,
  token: tokenCommand,
  keys: keysCommand,
  purge: purgeCommand,
};

const USAGE = 'usage: gatehouse serve | migrate | user create|list|set-password | client create|list|show|rotate-secret|delete | token revoke | keys list|rotate | purge';

const stdout: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Runs one CLI command; every failure is one line on stderr and a non-zero exit code. */
export async function runCli(argv: string[], env: Env, output: Output = stdout): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    output.err(name === undefined || name === '--help' ? USAGE : `gatehouse: unknown command "${name}"\n${USAGE}`);
    return name === '--help' ? 0 : 2;
  }
  let context: CliContext | undefined;
  try {
    context = await openContext(environmentWithDotenv(env), output.err);
    const code = await command(context, args, output);
    if (name !== 'serve') await context.close();
    return code;
  } catch (error) {
    await context?.close().catch(() => {});
    output.err(`gatehouse: ${describe(error)}`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof ConfigError || error instanceof CliError) return error.message;
  if (error instanceof ValidationError) return Object.entries(error.errors).map(([f, m]) => `${f}: ${m.join(' ')}`).join('; ');
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return (error as Error).message.split('\n')[0];
  if ((error as { code?: string }).code === 'ECONNREFUSED') return 'cannot reach the database (connection refused)';
  return (error as Error)?.message?.split('\n')[0] ?? String(error);
}
