import type { FastifyServerOptions } from 'fastify';

/** Fields that hold credentials, secrets or tokens, blanked at the top level and one level down. */
const SECRET_FIELDS = ['password', 'client_secret', 'secret', 'access_token', 'refresh_token', 'id_token', 'token', 'code', 'code_verifier', 'passwordHash'];

/** Paths pino blanks out: credentials, secrets and tokens never reach a log line. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
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
