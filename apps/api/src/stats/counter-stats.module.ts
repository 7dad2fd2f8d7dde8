import { Module } from '@nestjs/common';
import { CounterStatsController } from './counter-stats.controller';
import { CounterStatsRepository } from './counter-stats.repository';
import { CounterStatsService } from './counter-stats.service';

// GET /api/stats/counter. Other stats endpoints live beside it as their own modules.
@Module({
  controllers: [CounterStatsController],
  providers: [CounterStatsService, CounterStatsRepository],
  exports: [CounterStatsService],
})
export class CounterStatsModule {}
