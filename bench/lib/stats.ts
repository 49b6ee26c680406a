/** Latencies in milliseconds, kept exactly (autocannon's own histogram has 1 ms resolution). */
export class Latencies {
  private values = new Float64Array(1 << 16);
  private size = 0;

  add(ms: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = ms;
  }

  get count(): number {
    return this.size;
  }

  /** Nearest-rank percentiles of what was recorded. */
  percentiles(...ps: number[]): number[] {
    const sorted = this.values.slice(0, this.size).sort();
    return ps.map((p) => (this.size === 0 ? 0 : sorted[Math.min(this.size - 1, Math.ceil((p / 100) * this.size) - 1)]));
  }
}

export interface LoadResult {
  /** 2xx responses per second after the warm-up. */
  rps: number;
  count: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** The load generator that measured it (bench/lib/wrk.ts says when each is used). */
  generator: 'autocannon' | 'wrk';
  /**
   * CPU time the server process spent per response (all its threads): unlike req/s, it does
   * not depend much on what else the machine is doing, so optimisations compare on a busy box.
   */
  serverCpuUsPerRequest?: number;
  /** Server CPU seconds per wall second (1 = one core saturated). */
  serverCpuUtilisation?: number;
  /** The same for the server's main thread alone: its event loop, without worker threads. */
  serverLoopUtilisation?: number;
}
