import { Injectable } from '@nestjs/common';
import { BENCHMARK_SCOPE, toJstDate } from '@mynapoint/domain';
import { ListQuery } from '../common/list/list-query';
import { CreateBenchmarkRateDto, UpdateBenchmarkRateDto } from './dto/benchmark-rate.dto';
import { BenchmarkRateError, BenchmarkRateException } from './benchmark-rate.exception';
import { BenchmarkRateRecord, BenchmarkRatesRepository, benchmarkRatesTable } from './benchmark-rates.repository';

@Injectable()
export class BenchmarkRatesService {
  constructor(private readonly repo: BenchmarkRatesRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<BenchmarkRateRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateBenchmarkRateDto): Promise<BenchmarkRateRecord> {
    await this.check(dto, null);
    const id = await this.repo.insert(benchmarkRatesTable.pick(dto));
    return this.get(id);
  }

  async update(id: number, dto: UpdateBenchmarkRateDto): Promise<BenchmarkRateRecord> {
    const current = await this.get(id);
    const changes = benchmarkRatesTable.pick(dto);
    if (!Object.keys(changes).length) return current;
    await this.check({ ...(current as unknown as CreateBenchmarkRateDto), ...changes }, id);
    await this.repo.update(id, changes);
    return this.get(id);
  }

  async remove(id: number): Promise<BenchmarkRateRecord> {
    const record = await this.get(id);
    await this.repo.delete(id);
    return record;
  }

  private async check(r: Pick<CreateBenchmarkRateDto, 'asOf' | 'scope'>, exceptId: number | null): Promise<void> {
    if (r.asOf > toJstDate(new Date())) {
      throw new BenchmarkRateException(BenchmarkRateError.AsOfInFuture, '基準日が未来の日付です。公表済みの数字（今日以前の基準日）を登録してください。', {
        asOf: '今日以前の日付にしてください。',
      });
    }
    const holder = await this.repo.dateHolder(r.asOf, r.scope, exceptId);
    if (holder !== null) {
      throw new BenchmarkRateException(
        BenchmarkRateError.DateTaken,
        `${r.asOf} 現在の${BENCHMARK_SCOPE.label(r.scope)}の率は既に登録されています（ID: ${holder}）。その行を編集してください。`,
        { asOf: '同じ基準日・範囲の率が登録済みです。' },
      );
    }
  }
}
