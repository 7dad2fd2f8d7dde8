import { Module } from '@nestjs/common';
import { ReservationQuotasController } from './reservation-quotas.controller';
import { ReservationQuotasRepository } from './reservation-quotas.repository';
import { ReservationQuotasService } from './reservation-quotas.service';

@Module({
  controllers: [ReservationQuotasController],
  providers: [ReservationQuotasService, ReservationQuotasRepository],
  exports: [ReservationQuotasService],
})
export class ReservationQuotasModule {}
