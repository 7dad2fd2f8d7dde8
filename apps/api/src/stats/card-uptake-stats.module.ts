import { Module } from '@nestjs/common';
import { CardUptakeStatsController } from './card-uptake-stats.controller';
import { CardUptakeStatsRepository } from './card-uptake-stats.repository';
import { CardUptakeStatsService } from './card-uptake-stats.service';

// GET /api/stats/card-uptake; the monthly report's card-uptake page uses the service.
@Module({
  controllers: [CardUptakeStatsController],
  providers: [CardUptakeStatsService, CardUptakeStatsRepository],
  exports: [CardUptakeStatsService],
})
export class CardUptakeStatsModule {}
