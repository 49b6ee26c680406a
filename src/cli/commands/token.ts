import { parseArgs } from 'node:util';
import { SYSTEM_CONTEXT } from '../../audit/audit-log.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';

const OPTIONS = {
  json: { type: 'boolean' },
  client: { type: 'string' },
  user: { type: 'string' },
  after: { type: 'string' },
} as const;

/** `gatehouse token revoke [--client ID] [--user NAME] [--after ISO-TIME]`: at least one filter. */
export async function tokenCommand(context: CliContext, args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  if (positionals[0] !== 'revoke') throw new CliError('usage: gatehouse token revoke [--client ID] [--user USERNAME] [--after TIME]');
  if (!values.client && !values.user && !values.after) throw new CliError('give at least one of --client, --user, --after');
  const filter: { clientId?: number; userId?: number; issuedAfter?: number } = {};
  if (values.client) {
    if (!/^\d+$/.test(values.client)) throw new CliError('--client takes a numeric client id');
    filter.clientId = Number(values.client);
  }
  if (values.user) {
    const found = await context.services.users.findForLogin(values.user);
    if (!found) throw new CliError(`no user named ${values.user}`);
    filter.userId = found.user.id;
  }
  if (values.after) {
    const at = Date.parse(values.after);
    if (Number.isNaN(at)) throw new CliError('--after takes a date and time, e.g. 2026-01-31T12:00:00Z');
    filter.issuedAfter = at;
  }
  const revoked = await context.services.tokens.revokeMatching(filter);
  await context.services.audit.record({ ...SYSTEM_CONTEXT, event: 'token.bulk_revoked', details: { ...filter, count: revoked } });
  output.out(values.json ? JSON.stringify({ revoked }) : `Revoked ${revoked} access token(s) and their refresh tokens.`);
  return 0;
}
