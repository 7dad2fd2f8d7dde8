import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { AppointmentSlotsController } from './appointment-slots.controller';
import { AppointmentSlotsRepository } from './appointment-slots.repository';
import { AppointmentSlotsService } from './appointment-slots.service';

@Module({
  imports: [MunicipalitiesModule],
  controllers: [AppointmentSlotsController],
  providers: [AppointmentSlotsService, AppointmentSlotsRepository],
  exports: [AppointmentSlotsService],
})
export class AppointmentSlotsModule {}
