/**
 * Lookups by key asked for during one turn of the event loop, answered together by one
 * `fetch` of all their keys when the turn's I/O callbacks are done (`setImmediate`). On
 * PostgreSQL that is one round trip for the requests that arrived together instead of one
 * each. Every lookup still starts after its caller asked, so it sees whatever was committed
 * before; a failed fetch fails each of its callers.
 */
export function turnBatch<R>(fetch: (keys: string[]) => Promise<Map<string, R>>, maxKeys = 100): (key: string) => Promise<R | undefined> {
  type Waiter = { resolve(value: R | undefined): void; reject(error: unknown): void };
  let pending: Map<string, Waiter[]> | undefined;

  async function flush(batch: Map<string, Waiter[]>): Promise<void> {
    let found: Map<string, R>;
    try {
      found = await fetch([...batch.keys()]);
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key));
  }

  return (key) =>
    new Promise<R | undefined>((resolve, reject) => {
      if (!pending) {
        const batch = (pending = new Map());
        setImmediate(() => {
          if (pending !== batch) return; // flushed already, when it filled up
          pending = undefined;
          void flush(batch);
        });
      }
      const waiters = pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
      if (pending.size >= maxKeys) {
        const full = pending;
        pending = undefined;
        void flush(full);
      }
    });
}
