import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';

const started = Date.now();

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Db) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '{"status":"ok","database":"up",...}' })
  @ApiServiceUnavailableResponse({ description: 'データベースが応答しない' })
  async health(@Res({ passthrough: true }) res: Response) {
    const t0 = Date.now();
    try {
      // A hung database must not hang the health check.
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { status: 'ok', database: 'up', databaseLatencyMs: Date.now() - t0, uptimeSeconds: Math.round((Date.now() - started) / 1000) };
    } catch (e) {
      res.status(503);
      return { status: 'error', database: 'down', message: (e as Error).message };
    }
  }
}
