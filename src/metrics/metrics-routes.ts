import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';

/**
 * `GET /metrics` in Prometheus text format, and the latency of every routed request.
 * It carries counts only, never identifiers; restrict it at the proxy if counts are sensitive.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined || route === '/metrics') return;
    metrics.requestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', async (_request, reply) => {
    reply.type(metrics.registry.contentType).header('Cache-Control', 'no-store');
    return metrics.registry.metrics();
  });
}
