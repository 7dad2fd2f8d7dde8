import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FraudAlertEntity, FraudAlertHistoryEntity } from './fraud-alert.entity';
import { FraudAlertsController } from './fraud-alerts.controller';
import { FraudAlertsService } from './fraud-alerts.service';

@Module({
  imports: [TypeOrmModule.forFeature([FraudAlertEntity, FraudAlertHistoryEntity])],
  controllers: [FraudAlertsController],
  providers: [FraudAlertsService],
  exports: [FraudAlertsService],
})
export class FraudAlertsModule {}
