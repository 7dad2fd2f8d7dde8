import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PointAwardEntity } from './point-award.entity';
import { PointAwardsController } from './point-awards.controller';
import { PointAwardsService } from './point-awards.service';

@Module({
  imports: [TypeOrmModule.forFeature([PointAwardEntity])],
  controllers: [PointAwardsController],
  providers: [PointAwardsService],
  exports: [PointAwardsService],
})
export class PointAwardsModule {}
