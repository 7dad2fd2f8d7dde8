import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReservationQuotaEntity } from './reservation-quota.entity';
import { ReservationQuotasController } from './reservation-quotas.controller';
import { ReservationQuotasService } from './reservation-quotas.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReservationQuotaEntity])],
  controllers: [ReservationQuotasController],
  providers: [ReservationQuotasService],
  exports: [ReservationQuotasService],
})
export class ReservationQuotasModule {}
