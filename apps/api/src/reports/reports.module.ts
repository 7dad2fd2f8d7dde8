import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { CardUptakeStatsModule } from '../stats/card-uptake-stats.module';
import { MeasureStatsModule } from '../stats/measure-stats.module';

@Module({ imports: [MunicipalitiesModule, CardUptakeStatsModule, MeasureStatsModule], controllers: [ReportsController], providers: [ReportsService, ReportsRepository] })
export class ReportsModule {}
