import { Module } from '@nestjs/common';
import { FraudStatsController } from './fraud-stats.controller';
import { FraudStatsService } from './fraud-stats.service';

// Read-only trend figures for the dashboard (GET /api/stats/fraud).
@Module({
  controllers: [FraudStatsController],
  providers: [FraudStatsService],
})
export class FraudStatsModule {}
