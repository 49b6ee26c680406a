import { Counter, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import { RequestDurations } from './request-durations.js';

export type Metrics = ReturnType<typeof createMetrics>;

/** Prometheus metrics of one process, in a registry of its own (no global state). */
export function createMetrics() {
  const registry = new Registry();
  // The event-loop delay histogram samples on a timer of its own, which wakes the event loop
  // however idle the server is: every 100 ms rather than prom-client's default 10 ms, so an
  // idle server's loop wakes 10 times a second, not 100 (docs/performance.md, twelfth round).
  collectDefaultMetrics({ register: registry, prefix: 'gatehouse_', eventLoopMonitoringPrecision: 100 });
  const tokensIssued = new Counter({
    name: 'gatehouse_tokens_issued_total',
    help: 'Tokens issued at the token endpoint, by grant type.',
    labelNames: ['grant_type'] as const,
    registers: [registry],
  });
  const requestDurations = new RequestDurations([0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]);
  registry.registerMetric(requestDurations as unknown as Metric);
  return {
    registry,
    oauthErrors: new Counter({
      name: 'gatehouse_oauth_errors_total',
      help: 'OAuth error responses, by RFC 6749 error code.',
      labelNames: ['error'] as const,
      registers: [registry],
    }),
    tokenIssued(grantType: string): void {
      tokensIssued.inc({ grant_type: grantType });
    },
    requestServed(method: string, route: string, statusCode: number, seconds: number): void {
      requestDurations.observe(method, route, statusCode, seconds);
    },
  };
}
