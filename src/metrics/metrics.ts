import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

/** Prometheus metrics of one process, in a registry of its own (no global state). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gatehouse_' });
  return {
    registry,
    tokensIssued: new Counter({
      name: 'gatehouse_tokens_issued_total',
      help: 'Tokens issued at the token endpoint, by grant type.',
      labelNames: ['grant_type'] as const,
      registers: [registry],
    }),
    oauthErrors: new Counter({
      name: 'gatehouse_oauth_errors_total',
      help: 'OAuth error responses, by RFC 6749 error code.',
      labelNames: ['error'] as const,
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: 'gatehouse_http_request_duration_seconds',
      help: 'HTTP request latency, by method, route and status code.',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
  };
}
