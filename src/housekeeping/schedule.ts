import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services.js';
import { purgeExpired } from './purge.js';

const HOUR = 3_600_000;

/** Purges hourly (with jitter so instances spread out); returns a function that stops it. */
export function schedulePurge(services: Services, log: FastifyBaseLogger, everyMs = HOUR): () => void {
  let timer: NodeJS.Timeout;
  const run = async () => {
    try {
      const counts = await purgeExpired(services.store.db, services.clock.now());
      log.info({ purged: counts }, 'purged expired rows');
    } catch (error) {
      log.warn({ code: (error as { code?: string }).code }, 'purge failed; will retry');
    }
    timer = setTimeout(run, everyMs * (0.9 + Math.random() * 0.2)).unref();
  };
  timer = setTimeout(run, Math.random() * 60_000).unref();
  return () => clearTimeout(timer);
}
