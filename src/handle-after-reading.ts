import type { FastifyInstance } from 'fastify';

/**
 * The requests read in one turn of the event loop are handled together once all of them
 * have been read (in the turn's check phase, `setImmediate`), not each as soon as its bytes
 * are parsed. Their responses then leave in a burst, so whoever reads them on this machine
 * (a proxy, a sidecar, the bench's load generator) is woken once per burst instead of once
 * per response; on a virtual machine each such wake-up is an interrupt sent to another core,
 * which costs the sender more than a bearer check does (docs/performance.md, tenth round).
 * A lone request is handled in the same turn as before, only after its I/O callbacks.
 */
export function handleAfterReading(app: FastifyInstance): void {
  const waiting: (() => void)[] = [];
  const handleAll = () => {
    for (const resume of waiting.splice(0)) resume();
  };
  app.addHook('onRequest', (_request, _reply, done) => {
    if (waiting.push(done) === 1) setImmediate(handleAll);
  });
}
