import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssistanceRecordsModule } from './assistance-records/assistance-records.module';
import { AuditLogsModule } from './audit-logs/audit-logs.module';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { ErrorFilter } from './common/errors/error.filter';
import { ListInterceptor } from './common/http/list.interceptor';
import { WriteInterceptor } from './common/http/write.interceptor';
import { MyNumberInterceptor } from './common/my-number/my-number.interceptor';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source';
import { ExportsModule } from './exports/exports.module';
import { FraudAlertsModule } from './fraud-alerts/fraud-alerts.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { MunicipalityDataModule } from './municipality-data/municipality-data.module';
import { PaymentServicesModule } from './payment-services/payment-services.module';
import { ReportsModule } from './reports/reports.module';
import { FraudStatsModule } from './stats/fraud-stats.module';
import { CounterStatsModule } from './stats/counter-stats.module';
import { DashboardStatsModule } from './stats/dashboard-stats.module';
import { CardUptakeStatsModule } from './stats/card-uptake-stats.module';
import { MeasureStatsModule } from './stats/measure-stats.module';
import { PopulationFiguresModule } from './population-figures/population-figures.module';
import { BenchmarkRatesModule } from './benchmark-rates/benchmark-rates.module';
import { TargetsModule } from './targets/targets.module';
import { PointAwardsModule } from './point-awards/point-awards.module';
import { UsersModule } from './users/users.module';
import { ApplicationsModule } from './applications/applications.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { MeasuresModule } from './measures/measures.module';
import { ParticipantsModule } from './participants/participants.module';
import { ReservationQuotasModule } from './reservation-quotas/reservation-quotas.module';
import { ReservationsModule } from './reservations/reservations.module';
import { SettingsModule } from './settings/settings.module';
import { MunicipalitiesModule } from './municipalities/municipalities.module';

// Feature modules, one line each.
const FEATURES = [
  HealthModule,
  AuthModule,
  MunicipalitiesModule,
  UsersModule,
  AuditLogsModule,
  PaymentServicesModule,
  SettingsModule,
  CampaignsModule,
  MeasuresModule,
  ReservationQuotasModule,
  ParticipantsModule,
  ReservationsModule,
  ApplicationsModule,
  FraudAlertsModule,
  FraudStatsModule,
  AssistanceRecordsModule,
  CounterStatsModule,
  DashboardStatsModule,
  PointAwardsModule,
  PopulationFiguresModule,
  BenchmarkRatesModule,
  TargetsModule,
  CardUptakeStatsModule,
  MeasureStatsModule,
  ImportsModule,
  ExportsModule,
  ReportsModule,
  MunicipalityDataModule,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config), autoLoadEntities: true, retryAttempts: 0 }),
        CommonModule,
        ...FEATURES,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorFilter },
        // Order matters: the My Number guard refuses before the write transaction opens.
        { provide: APP_INTERCEPTOR, useClass: MyNumberInterceptor },
        { provide: APP_INTERCEPTOR, useClass: WriteInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ListInterceptor },
      ],
      exports: [APP_CONFIG],
    };
  }
}
