import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssistanceRecordEntity } from './assistance-record.entity';
import { AssistanceRecordsController } from './assistance-records.controller';
import { AssistanceRecordsService } from './assistance-records.service';

@Module({
  imports: [TypeOrmModule.forFeature([AssistanceRecordEntity])],
  controllers: [AssistanceRecordsController],
  providers: [AssistanceRecordsService],
  exports: [AssistanceRecordsService],
})
export class AssistanceRecordsModule {}
