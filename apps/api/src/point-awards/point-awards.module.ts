import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { PointAwardsController } from './point-awards.controller';
import { PointAwardsRepository } from './point-awards.repository';
import { PointAwardsService } from './point-awards.service';

@Module({
  imports: [MeasuresModule],
  controllers: [PointAwardsController],
  providers: [PointAwardsService, PointAwardsRepository],
  exports: [PointAwardsService],
})
export class PointAwardsModule {}
