import { Module } from '@nestjs/common';
import { PopulationFiguresController } from './population-figures.controller';
import { PopulationFiguresRepository } from './population-figures.repository';
import { PopulationFiguresService } from './population-figures.service';

@Module({
  controllers: [PopulationFiguresController],
  providers: [PopulationFiguresService, PopulationFiguresRepository],
  exports: [PopulationFiguresService],
})
export class PopulationFiguresModule {}
