import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type HealthStatus } from '@kindred/contracts';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const DB_CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ status: "ok", db: "up", version, uptimeSeconds }' })
  @ApiServiceUnavailableResponse({ description: 'The database cannot be reached.' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthStatus | (HealthStatus & { statusCode: number; code: string; message: string })> {
    const dbUp = await this.pingDatabase();
    const body: HealthStatus = {
      status: dbUp ? 'ok' : 'degraded',
      db: dbUp ? 'up' : 'down',
      version: this.config.version,
      uptimeSeconds: Math.round(process.uptime()),
    };
    if (dbUp) return body;
    void reply.status(503);
    return { statusCode: 503, code: ErrorCode.ServiceUnavailable, message: 'The database cannot be reached.', ...body };
  }

  private async pingDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), DB_CHECK_TIMEOUT_MS);
      });
      await Promise.race([this.db.query('SELECT 1'), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
