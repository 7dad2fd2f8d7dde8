import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaymentServiceEntity } from './payment-service.entity';
import { PaymentServicesController } from './payment-services.controller';
import { PaymentServicesService } from './payment-services.service';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentServiceEntity])],
  controllers: [PaymentServicesController],
  providers: [PaymentServicesService],
  exports: [PaymentServicesService],
})
export class PaymentServicesModule {}
