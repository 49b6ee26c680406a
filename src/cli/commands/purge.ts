import { purgeExpired } from '../../housekeeping/purge.js';
import type { CliContext } from '../context.js';
import { printRecord, type Output } from '../output.js';

/** `gatehouse purge`: delete expired tokens, codes, sessions and unpublished keys now. */
export async function purgeCommand(context: CliContext, args: string[], output: Output): Promise<number> {
  const counts = await purgeExpired(context.services.store.db, context.services.clock.now());
  printRecord(output, counts, args.includes('--json'));
  return 0;
}
