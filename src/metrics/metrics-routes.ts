import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';

/**
 * `GET /metrics` in Prometheus text format, and the latency of every routed request.
 * It carries counts only, never identifiers; restrict it at the proxy if counts are sensitive.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  // One labelled child per method, route and status, looked up by a plain string key:
  // prom-client otherwise validates and hashes the label set on every observation.
  const durations = new Map<string, { observe(seconds: number): void }>();
  // Observed in onSend (the response is complete, about to be written) rather than
  // onResponse: every request then runs one hook phase fewer (about 1.5 µs here).
  app.addHook('onSend', (request, reply, payload, done) => {
    const route = request.routeOptions.url;
    if (route !== undefined && route !== '/metrics') {
      const key = `${request.method} ${reply.statusCode} ${route}`;
      let child = durations.get(key);
      if (!child) {
        child = metrics.requestDuration.labels({ method: request.method, route, status_code: String(reply.statusCode) });
        durations.set(key, child);
      }
      child.observe(reply.elapsedTime / 1000);
    }
    done(null, payload);
  });
  app.get('/metrics', async (_request, reply) => {
    reply.type(metrics.registry.contentType).header('Cache-Control', 'no-store');
    return metrics.registry.metrics();
  });
}
