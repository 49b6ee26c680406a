import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { lazyChildLogger } from '../../src/lazy-child-logger.js';
import { loggerOptions } from '../../src/logger.js';

function logger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  const { redact } = loggerOptions(level) as { redact: pino.LoggerOptions['redact'] };
  const parent = pino({ level, redact }, stream);
  let children = 0;
  const counting = Object.assign(Object.create(parent), { child: (...args: Parameters<typeof parent.child>) => (children++, parent.child(...args)) });
  return { parent: counting, lines, children: () => children };
}

test('a request logger writes what its level allows, with its bindings, and redacts', () => {
  const { parent, lines, children } = logger('warn');
  const log = lazyChildLogger(parent, { reqId: 'req-1' }, {});
  log.info('dropped below the level');
  log.debug({ secret: 'x' }, 'dropped too');
  assert.equal(children(), 0, 'no pino child until a line is written');
  assert.equal(log.level, 'warn');
  log.warn({ client_secret: 'hunter2' }, 'kept');
  assert.equal(children(), 1);
  assert.equal(lines.length, 1);
  assert.equal(lines[0].reqId, 'req-1');
  assert.equal(lines[0].msg, 'kept');
  assert.equal(lines[0].client_secret, '[redacted]');
  log.error('again');
  assert.equal(children(), 1, 'the child is made once');
  assert.equal(lines[1].reqId, 'req-1');
});

test('route logger options get a pino child at once', () => {
  const { parent, lines } = logger('warn');
  const log = lazyChildLogger(parent, { reqId: 'req-2' }, { level: 'debug' });
  log.debug('written at the route level');
  assert.equal(lines[0].reqId, 'req-2');
});
