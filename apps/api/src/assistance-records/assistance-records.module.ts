import { Module } from '@nestjs/common';
import { AssistanceRecordsController } from './assistance-records.controller';
import { AssistanceRecordsRepository } from './assistance-records.repository';
import { AssistanceRecordsService } from './assistance-records.service';

@Module({
  controllers: [AssistanceRecordsController],
  providers: [AssistanceRecordsService, AssistanceRecordsRepository],
  exports: [AssistanceRecordsService],
})
export class AssistanceRecordsModule {}
