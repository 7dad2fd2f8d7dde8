import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { ParticipantsModule } from '../participants/participants.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [ParticipantsModule, MeasuresModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, ApplicationsRepository],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
