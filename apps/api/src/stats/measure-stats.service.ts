import { Injectable } from '@nestjs/common';
import { MeasureStatsDto } from './dto/measure-stats.dto';
import { MeasureStatsRepository } from './measure-stats.repository';

@Injectable()
export class MeasureStatsService {
  constructor(private readonly repo: MeasureStatsRepository) {}

  async measures(): Promise<MeasureStatsDto> {
    return { measures: await this.repo.measures() };
  }
}
