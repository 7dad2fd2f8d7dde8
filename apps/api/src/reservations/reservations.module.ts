import { Module } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module';
import { ReservationQuotasModule } from '../reservation-quotas/reservation-quotas.module';
import { ReservationsController } from './reservations.controller';
import { ReservationsRepository } from './reservations.repository';
import { ReservationsService } from './reservations.service';

@Module({
  imports: [ReservationQuotasModule, ParticipantsModule],
  controllers: [ReservationsController],
  providers: [ReservationsService, ReservationsRepository],
  exports: [ReservationsService],
})
export class ReservationsModule {}
