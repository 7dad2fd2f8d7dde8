import { Module } from '@nestjs/common';
import { FraudAlertsController } from './fraud-alerts.controller';
import { FraudAlertsRepository } from './fraud-alerts.repository';
import { FraudAlertsService } from './fraud-alerts.service';

@Module({
  controllers: [FraudAlertsController],
  providers: [FraudAlertsService, FraudAlertsRepository],
  exports: [FraudAlertsService],
})
export class FraudAlertsModule {}
