import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Labelled children kept by a plain string key: prom-client otherwise validates and hashes
 * the label set on every observation, which the token endpoint and every request pay.
 */
function childrenBy<C>(make: (labels: Record<string, string>) => C) {
  const children = new Map<string, C>();
  return (key: string, labels: () => Record<string, string>): C => {
    let child = children.get(key);
    if (!child) children.set(key, (child = make(labels())));
    return child;
  };
}

/** Prometheus metrics of one process, in a registry of its own (no global state). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gatehouse_' });
  const tokensIssued = new Counter({
    name: 'gatehouse_tokens_issued_total',
    help: 'Tokens issued at the token endpoint, by grant type.',
    labelNames: ['grant_type'] as const,
    registers: [registry],
  });
  const requestDuration = new Histogram({
    name: 'gatehouse_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const issuedBy = childrenBy((labels) => tokensIssued.labels(labels));
  const durationBy = childrenBy((labels) => requestDuration.labels(labels));
  return {
    registry,
    oauthErrors: new Counter({
      name: 'gatehouse_oauth_errors_total',
      help: 'OAuth error responses, by RFC 6749 error code.',
      labelNames: ['error'] as const,
      registers: [registry],
    }),
    tokenIssued(grantType: string): void {
      issuedBy(grantType, () => ({ grant_type: grantType })).inc();
    },
    requestServed(method: string, route: string, statusCode: number, seconds: number): void {
      durationBy(`${method} ${statusCode} ${route}`, () => ({ method, route, status_code: String(statusCode) })).observe(seconds);
    },
  };
}
