import { Module } from '@nestjs/common';
import { MeasureStatsController } from './measure-stats.controller';
import { MeasureStatsRepository } from './measure-stats.repository';
import { MeasureStatsService } from './measure-stats.service';

// GET /api/stats/measures; the monthly report's measures page uses the service.
@Module({
  controllers: [MeasureStatsController],
  providers: [MeasureStatsService, MeasureStatsRepository],
  exports: [MeasureStatsService],
})
export class MeasureStatsModule {}
