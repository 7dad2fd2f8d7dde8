import { Module } from '@nestjs/common';
import { AppointmentSlotsModule } from '../appointment-slots/appointment-slots.module';
import { AssistanceRecordsModule } from '../assistance-records/assistance-records.module';
import { AppointmentErasureJob } from './appointment-erasure.job';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsRepository } from './appointments.repository';
import { AppointmentsService } from './appointments.service';
import { DeskDayController } from './desk-day.controller';

@Module({
  imports: [AppointmentSlotsModule, AssistanceRecordsModule],
  controllers: [AppointmentsController, DeskDayController],
  providers: [AppointmentsService, AppointmentsRepository, AppointmentErasureJob],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
