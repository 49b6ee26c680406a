import { buildApp } from '../../app.js';
import { consoleUrl } from '../../console-url.js';
import { schedulePurge } from '../../housekeeping/schedule.js';
import type { CliContext } from '../context.js';
import type { Output } from '../output.js';

/** In-flight requests get this long to finish after SIGTERM before connections are cut. */
const DRAIN_TIMEOUT_MS = 10_000;

/** `gatehouse serve`: listen until SIGTERM/SIGINT, then drain in-flight requests and exit. */
export async function serve(context: CliContext, output: Output): Promise<number> {
  const { config } = context.services;
  const app = await buildApp(context.services);
  await app.listen({ port: config.port, host: config.host });
  const stopPurge = schedulePurge(context.services, app.log);
  output.out(`Gatehouse is listening on http://${config.host}:${config.port} (issuer ${config.issuer})`);
  output.out(`Console: ${consoleUrl(config.issuer)}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  stopPurge();
  const deadline = setTimeout(() => app.server.closeAllConnections(), DRAIN_TIMEOUT_MS).unref();
  await app.close();
  clearTimeout(deadline);
  await context.close();
  return 0;
}
