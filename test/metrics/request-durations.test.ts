import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Histogram, Registry, type Metric } from 'prom-client';
import { RequestDurations } from '../../src/metrics/request-durations.js';

const BOUNDS = [0.001, 0.01, 0.1, 1];
const OBSERVED: [string, string, number, number][] = [
  ['GET', '/api/1.0/me', 200, 0.0004],
  ['GET', '/api/1.0/me', 200, 0.001],
  ['GET', '/api/1.0/me', 200, 0.05],
  ['GET', '/api/1.0/me', 401, 0.002],
  ['POST', '/oauth/token', 200, 3],
];

// prom-client's own Histogram is the reference: the same observations print the same text.
test('request durations print exactly as a prom-client histogram of the same observations', async () => {
  const ours = new Registry();
  const durations = new RequestDurations(BOUNDS);
  ours.registerMetric(durations as unknown as Metric);
  const reference = new Registry();
  const histogram = new Histogram({
    name: 'gatehouse_http_request_duration_seconds',
    help: 'HTTP request latency, by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'],
    buckets: BOUNDS,
    registers: [reference],
  });
  for (const [method, route, status, seconds] of OBSERVED) {
    durations.observe(method, route, status, seconds);
    histogram.observe({ method, route, status_code: String(status) }, seconds);
  }
  const printed = await ours.metrics();
  assert.equal(printed, await reference.metrics());
  assert.match(printed, /_bucket\{le="0.001",method="GET",route="\/api\/1.0\/me",status_code="200"\} 2\n/);
  assert.match(printed, /_bucket\{le="\+Inf",method="POST",route="\/oauth\/token",status_code="200"\} 1\n/);
  assert.match(printed, /_count\{method="GET",route="\/api\/1.0\/me",status_code="200"\} 3\n/);

  ours.resetMetrics();
  assert.doesNotMatch(await ours.metrics(), /_count/);
});
