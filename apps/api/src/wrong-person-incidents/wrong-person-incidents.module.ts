import { Module } from '@nestjs/common';
import { WrongPersonIncidentsController } from './wrong-person-incidents.controller';
import { WrongPersonIncidentsRepository } from './wrong-person-incidents.repository';
import { WrongPersonIncidentsService } from './wrong-person-incidents.service';

@Module({
  controllers: [WrongPersonIncidentsController],
  providers: [WrongPersonIncidentsService, WrongPersonIncidentsRepository],
  exports: [WrongPersonIncidentsService],
})
export class WrongPersonIncidentsModule {}
