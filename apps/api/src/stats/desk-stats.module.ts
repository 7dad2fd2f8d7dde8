import { Module } from '@nestjs/common';
import { DeskStatsController } from './desk-stats.controller';
import { DeskStatsRepository } from './desk-stats.repository';
import { DeskStatsService } from './desk-stats.service';

// GET /api/stats/desks; the monthly report's desks page uses the service.
@Module({
  controllers: [DeskStatsController],
  providers: [DeskStatsService, DeskStatsRepository],
  exports: [DeskStatsService],
})
export class DeskStatsModule {}
