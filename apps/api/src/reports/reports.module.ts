import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { CardUptakeStatsModule } from '../stats/card-uptake-stats.module';
import { DeskStatsModule } from '../stats/desk-stats.module';
import { AppointmentsModule } from '../appointments/appointments.module';

@Module({ imports: [MunicipalitiesModule, CardUptakeStatsModule, DeskStatsModule, AppointmentsModule], controllers: [ReportsController], providers: [ReportsService, ReportsRepository] })
export class ReportsModule {}
