import { parseArgs } from 'node:util';
import { SIGNING_ALGS, type SigningAlg } from '../../config/config.js';
import { SYSTEM_CONTEXT } from '../../audit/audit-log.js';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import { printRecord, printTable, type Output } from '../output.js';

const OPTIONS = {
  json: { type: 'boolean' },
  alg: { type: 'string' },
  'activate-in': { type: 'string' },
} as const;

/** `gatehouse keys list|rotate [--alg ALG] [--activate-in SECONDS]`. */
export async function keysCommand(context: CliContext, args: string[], output: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const { keyService, config, audit } = context.services;
  if (positionals[0] === 'list') {
    printTable(output, await keyService.list(), values.json ?? false);
    return 0;
  }
  if (positionals[0] === 'rotate') {
    const alg = (values.alg ?? config.signingAlg) as SigningAlg;
    if (!SIGNING_ALGS.includes(alg)) throw new CliError(`--alg must be one of ${SIGNING_ALGS.join(', ')}`);
    const delay = Number(values['activate-in'] ?? 0);
    if (!Number.isInteger(delay) || delay < 0) throw new CliError('--activate-in takes a whole number of seconds');
    const key = await keyService.rotate(alg, delay);
    await audit.record({ ...SYSTEM_CONTEXT, event: 'signing_key.rotated', target: { type: 'signing_key', id: key.kid }, details: { alg } });
    printRecord(output, { kid: key.kid, alg: key.alg, activated_at: new Date(key.activatedAt).toISOString() }, values.json ?? false);
    return 0;
  }
  throw new CliError('usage: gatehouse keys list|rotate [--alg ES256|EdDSA|RS256] [--activate-in SECONDS]');
}
