import { Module } from '@nestjs/common';
import { BenchmarkRatesController } from './benchmark-rates.controller';
import { BenchmarkRatesRepository } from './benchmark-rates.repository';
import { BenchmarkRatesService } from './benchmark-rates.service';

@Module({
  controllers: [BenchmarkRatesController],
  providers: [BenchmarkRatesService, BenchmarkRatesRepository],
  exports: [BenchmarkRatesService],
})
export class BenchmarkRatesModule {}
