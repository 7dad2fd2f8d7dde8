import { Module } from '@nestjs/common';
import { TerminalsController } from './terminals.controller';
import { TerminalsRepository } from './terminals.repository';
import { TerminalsService } from './terminals.service';

@Module({
  controllers: [TerminalsController],
  providers: [TerminalsService, TerminalsRepository],
  exports: [TerminalsService],
})
export class TerminalsModule {}
