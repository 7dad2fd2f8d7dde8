import { Module } from '@nestjs/common';
import { DesksController } from './desks.controller';
import { DesksRepository } from './desks.repository';
import { DesksService } from './desks.service';

@Module({
  controllers: [DesksController],
  providers: [DesksService, DesksRepository],
  exports: [DesksService],
})
export class DesksModule {}
