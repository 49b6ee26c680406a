/**
 * Hands the hashing workers' answers to the event loop in batches while the pool is
 * saturated.
 *
 * Taking up an answer costs the event loop a wake-up, and the request it answers costs it a
 * commit, an fsync's wake-up and the next request's read, all run with caches that the hashing
 * threads on the same cores have just evicted. On two cores the password grant's event loop
 * spent 1.3–1.8 ms per grant taking answers one at a time, 0.6–1.0 ms taking them four at a
 * time and 0.5–0.7 ms six at a time, and the hashing threads got the difference
 * (docs/performance.md, thirteenth round).
 * So while jobs wait in the queue (each request answered has then already waited for a whole
 * job, and the throughput gained shortens that wait), answers are held until `limit` of them
 * have gathered or the first has waited `windowMs`. Otherwise each is handed over at once: a
 * server that is not saturated makes no login wait.
 */
export function createAnswerBatches() {
  let held: (() => void)[] = [];
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const batch = held;
    held = [];
    for (const settle of batch) settle();
  }

  return {
    /** Runs `settle` now, or, when `saturated`, with the batch it joins. */
    deliver(settle: () => void, { saturated, limit, windowMs }: { saturated: boolean; limit: number; windowMs: number }): void {
      held.push(settle);
      if (!saturated || held.length >= limit) return flush();
      timer ??= setTimeout(flush, windowMs);
    },
  };
}
