import { Module } from '@nestjs/common';
import { DashboardStatsController } from './dashboard-stats.controller';
import { DashboardStatsService } from './dashboard-stats.service';

// GET /api/stats/summary, /uptake and /points (read-only, from the rollups).
@Module({
  controllers: [DashboardStatsController],
  providers: [DashboardStatsService],
})
export class DashboardStatsModule {}
