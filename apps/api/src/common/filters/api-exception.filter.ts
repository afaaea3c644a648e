import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toApiError } from '../errors/to-api-error.js';
import { serveSpaFallback } from '../http/spa-fallback.js';

/** The one place HTTP errors become `{statusCode, code, message, details?}`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const mapped = toApiError(exception);

    if (mapped.body.statusCode === 404 && serveSpaFallback(request, reply)) return;
    if (mapped.unexpected) {
      this.logger.error({ err: exception, method: request.method, route: request.routeOptions?.url }, 'request failed');
    }
    if (reply.sent) return;
    if (mapped.headers) void reply.headers(mapped.headers);
    void reply.status(mapped.body.statusCode).type('application/json; charset=utf-8').send(mapped.body);
  }
}
