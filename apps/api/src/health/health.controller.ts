import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/permission.decorator';
import { DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS, describeDatabaseError } from '../common/db/database-unavailable';
import { HealthRepository } from './health.repository';

const started = Date.now();

/** A hung database must not hang the health check (load balancers and Docker wait on it). */
export const HEALTH_DB_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private lastUp = true;

  constructor(private readonly repo: HealthRepository) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '稼働確認（データベースの応答を含む）' })
  @ApiOkResponse({ description: '{"status":"ok","database":"up","databaseLatencyMs":1,"uptimeSeconds":42}' })
  @ApiServiceUnavailableResponse({ description: 'データベースが応答しない: {"statusCode":503,"code":"database_unavailable","message":"…","status":"error","database":"down"}' })
  async health(@Res({ passthrough: true }) res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    const t0 = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.repo.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_DB_TIMEOUT_MS} ms`)), HEALTH_DB_TIMEOUT_MS);
        }),
      ]);
      if (!this.lastUp) this.logger.log('database is up again');
      this.lastUp = true;
      return { status: 'ok', database: 'up', databaseLatencyMs: Date.now() - t0, uptimeSeconds: Math.round((Date.now() - started) / 1000) };
    } catch (e) {
      // Logged once per outage; the body says only what a caller can act on.
      if (this.lastUp) this.logger.warn(`database is down: ${describeDatabaseError(e)}`);
      this.lastUp = false;
      res.status(503);
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return { ...DATABASE_UNAVAILABLE, status: 'error', database: 'down' };
    } finally {
      clearTimeout(timer);
    }
  }
}
