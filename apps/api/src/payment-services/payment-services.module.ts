import { Module } from '@nestjs/common';
import { PaymentServicesController } from './payment-services.controller';
import { PaymentServicesRepository } from './payment-services.repository';
import { PaymentServicesService } from './payment-services.service';

@Module({
  controllers: [PaymentServicesController],
  providers: [PaymentServicesService, PaymentServicesRepository],
  exports: [PaymentServicesService],
})
export class PaymentServicesModule {}
