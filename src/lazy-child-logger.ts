import type { FastifyBaseLogger } from 'fastify';

type Bindings = Record<string, unknown>;
type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type LogFn = FastifyBaseLogger['info'];
type Logger = FastifyBaseLogger & { isLevelEnabled(level: string): boolean };

/**
 * Fastify gives every request a child logger carrying its request id. Creating a pino child
 * serialises and redacts the bindings, which cost as much as a whole bearer check's lookup,
 * on every request, although at the default level most requests write no line at all. This
 * child is created on the first line actually written at an enabled level, with the same
 * bindings; until then a line below the parent's level is dropped, as pino would drop it.
 */
class LazyChildLogger {
  #child: Logger | undefined;
  constructor(private readonly parent: Logger, private readonly bindings: Bindings) {}

  get #logger(): Logger {
    return (this.#child ??= this.parent.child(this.bindings) as Logger);
  }

  #write(level: Level, args: Parameters<LogFn>): void {
    if (this.#child ? this.#child.isLevelEnabled(level) : this.parent.isLevelEnabled(level)) (this.#logger[level] as LogFn)(...args);
  }

  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.#logger.level = level;
  }
  isLevelEnabled(level: string): boolean {
    return (this.#child ?? this.parent).isLevelEnabled(level);
  }
  child(bindings: Bindings, options?: object): FastifyBaseLogger {
    return this.#logger.child(bindings, options);
  }
  fatal(...args: Parameters<LogFn>) { this.#write('fatal', args); }
  error(...args: Parameters<LogFn>) { this.#write('error', args); }
  warn(...args: Parameters<LogFn>) { this.#write('warn', args); }
  info(...args: Parameters<LogFn>) { this.#write('info', args); }
  debug(...args: Parameters<LogFn>) { this.#write('debug', args); }
  trace(...args: Parameters<LogFn>) { this.#write('trace', args); }
  silent() {}
}

/** Fastify's `childLoggerFactory`; a route's own logger options still get pino's child at once. */
export function lazyChildLogger(logger: FastifyBaseLogger, bindings: Bindings, options: object): FastifyBaseLogger {
  if (Object.keys(options).length > 0) return logger.child(bindings, options);
  return new LazyChildLogger(logger as Logger, bindings) as unknown as FastifyBaseLogger;
}
