/** One series: the request counts per bucket (not cumulative), their sum and count. */
interface Series {
  labels: Record<string, string>;
  buckets: Float64Array;
  sum: number;
  count: number;
}

/**
 * `gatehouse_http_request_duration_seconds` as a Prometheus histogram that a request adds to
 * by a Map lookup and a few increments. prom-client's Histogram validates and hashes the label
 * set on every observation, a labelled child's included: 0.8 µs per request against 0.2 µs
 * (micro-benchmark). It is read through prom-client's registry like any metric (`get()`), so
 * `/metrics` prints it in the same exposition format: cumulative `_bucket{le}` lines up to
 * `+Inf`, `_sum` and `_count`.
 */
export class RequestDurations {
  readonly name = 'gatehouse_http_request_duration_seconds';
  readonly help = 'HTTP request latency, by method, route and status code.';
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly #series = new Map<string, Series>();

  constructor(private readonly upperBounds: readonly number[]) {}

  observe(method: string, route: string, statusCode: number, seconds: number): void {
    const key = `${method} ${statusCode} ${route}`;
    let series = this.#series.get(key);
    if (!series) {
      series = { labels: { method, route, status_code: String(statusCode) }, buckets: new Float64Array(this.upperBounds.length + 1), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    let bucket = 0;
    while (bucket < this.upperBounds.length && seconds > this.upperBounds[bucket]!) bucket++;
    series.buckets[bucket]! += 1;
    series.sum += seconds;
    series.count += 1;
  }

  async get() {
    const values = [...this.#series.values()].flatMap(({ labels, buckets, sum, count }) => {
      let cumulative = 0;
      const bucketLines = [...this.upperBounds, '+Inf' as const].map((bound, i) => {
        cumulative += buckets[i]!;
        return { metricName: `${this.name}_bucket`, labels: { le: bound, ...labels }, value: cumulative };
      });
      return [...bucketLines, { metricName: `${this.name}_sum`, labels, value: sum }, { metricName: `${this.name}_count`, labels, value: count }];
    });
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.#series.clear();
  }
}
