import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { DashboardStatsController } from './dashboard-stats.controller';
import { DashboardStatsRepository } from './dashboard-stats.repository';
import { DashboardStatsService } from './dashboard-stats.service';

// GET /api/stats/summary, /uptake and /points (read-only, from the rollups).
@Module({
  imports: [MunicipalitiesModule],
  controllers: [DashboardStatsController],
  providers: [DashboardStatsService, DashboardStatsRepository],
})
export class DashboardStatsModule {}
