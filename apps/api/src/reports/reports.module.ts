import { Module } from '@nestjs/common';
import { MonthlyReportData } from './monthly-report.data';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({ controllers: [ReportsController], providers: [ReportsService, MonthlyReportData] })
export class ReportsModule {}
