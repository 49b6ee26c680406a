import type { FastifyServerOptions } from 'fastify';

/** Paths pino blanks out: credentials, secrets and tokens never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.client_secret',
  '*.secret',
  '*.access_token',
  '*.refresh_token',
  '*.id_token',
  '*.token',
  '*.code',
  '*.code_verifier',
  '*.passwordHash',
];

/** Fastify logger options: pino with redaction; URLs are logged without their query. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], ip: req.ip }),
    },
    ...(stream ? { stream } : {}),
  } as FastifyServerOptions['logger'];
}
