import { Module } from '@nestjs/common';
import { FraudStatsController } from './fraud-stats.controller';
import { FraudStatsRepository } from './fraud-stats.repository';
import { FraudStatsService } from './fraud-stats.service';

// Read-only trend figures for the dashboard (GET /api/stats/fraud).
@Module({
  controllers: [FraudStatsController],
  providers: [FraudStatsService, FraudStatsRepository],
})
export class FraudStatsModule {}
