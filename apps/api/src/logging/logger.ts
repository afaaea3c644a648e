import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { createPrettyStream } from './pretty-stream.js';

/**
 * Request logs carry method, path, status and timing only: no bodies, no query strings,
 * no headers (cookies), no IP addresses. Members may be hiding from someone; logs must
 * not become a record of who said what from where.
 */
export function createRootLogger(level: string, pretty = process.stdout.isTTY === true): Logger {
  // A person at a terminal gets readable lines; anything else (pipes, files, log collectors)
  // gets pino's default: one JSON object per line on stdout.
  const destination = pretty ? createPrettyStream(process.stdout, !process.env.NO_COLOR) : undefined;
  return pino({
    level,
    base: { service: 'kindred-api' },
    // Bodies are never logged; a member's filters (their triggers) are named too, should one be passed by hand.
    redact: { paths: ['password', '*.password', 'token', '*.token', 'phrase', '*.phrase', 'req.headers', 'res.headers'], remove: true },
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  }, destination);
}

// Nest announces every module, controller, route and socket event at start-up; that is a
// screen of lines nobody needs at `info`, so they go out at `debug`.
const START_UP_DETAIL = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'WebSocketsController']);

/** Routes Nest's own messages (bootstrap, errors) through the same structured logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.write(context && START_UP_DETAIL.has(context) ? 'debug' : 'info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    this.write('error', message, context, trace);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, context?: string, trace?: string) {
    if (typeof message === 'object' && message !== null) {
      this.logger[level]({ context, ...(message as object), ...(trace ? { trace } : {}) });
    } else {
      this.logger[level]({ context, ...(trace ? { trace } : {}) }, String(message));
    }
  }
}
