import { Injectable } from '@nestjs/common';
import { AGE_BAND, POPULATION_COUNT_PROBLEM, PopulationCounts, populationCountProblems, toJstDate } from '@mynapoint/domain';
import { ListQuery } from '../common/list/list-query';
import { CreatePopulationFigureDto, UpdatePopulationFigureDto } from './dto/population-figure.dto';
import { PopulationFigureError, PopulationFigureException } from './population-figure.exception';
import { PopulationFigureRecord, PopulationFiguresRepository, populationFiguresTable } from './population-figures.repository';

@Injectable()
export class PopulationFiguresService {
  constructor(private readonly repo: PopulationFiguresRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<PopulationFigureRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreatePopulationFigureDto): Promise<PopulationFigureRecord> {
    const row = { ...dto, district: dto.district.trim() };
    checkFigure(row);
    await this.checkCellFree(row, null);
    const id = await this.repo.insert(populationFiguresTable.pick(row));
    return this.get(id);
  }

  async update(id: number, dto: UpdatePopulationFigureDto): Promise<PopulationFigureRecord> {
    const current = (await this.get(id)) as unknown as CreatePopulationFigureDto;
    const changes = populationFiguresTable.pick({ ...dto, ...(dto.district !== undefined ? { district: dto.district.trim() } : {}) });
    if (!Object.keys(changes).length) return current as unknown as PopulationFigureRecord;
    const next = { ...current, ...changes } as CreatePopulationFigureDto;
    checkFigure(next);
    await this.checkCellFree(next, id);
    await this.repo.update(id, changes);
    return this.get(id);
  }

  async remove(id: number): Promise<PopulationFigureRecord> {
    const record = await this.get(id);
    await this.repo.delete(id);
    return record;
  }

  private async checkCellFree(f: Pick<CreatePopulationFigureDto, 'asOf' | 'district' | 'ageBand'>, exceptId: number | null): Promise<void> {
    const holder = await this.repo.cellHolder(f.asOf, f.district, f.ageBand, exceptId);
    if (holder !== null) {
      throw new PopulationFigureException(
        PopulationFigureError.CellTaken,
        `${f.asOf} 現在の「${f.district}・${AGE_BAND.label(f.ageBand)}」の数字は既に登録されています（ID: ${holder}）。その行を編集してください。`,
        { asOf: '同じ基準日・地区・年代の数字が登録済みです。' },
      );
    }
  }
}

/** The rules of one cell: dated today or earlier, and counts of 0 or more within the population. */
function checkFigure(f: Pick<CreatePopulationFigureDto, 'asOf'> & PopulationCounts): void {
  if (f.asOf > toJstDate(new Date())) {
    throw new PopulationFigureException(PopulationFigureError.AsOfInFuture, '基準日が未来の日付です。集計済みの数字（今日以前の基準日）を登録してください。', {
      asOf: '今日以前の日付にしてください。',
    });
  }
  const problems = populationCountProblems(f);
  const fields = Object.entries(problems);
  if (fields.length) {
    const errors = Object.fromEntries(fields.map(([field, problem]) => [field, POPULATION_COUNT_PROBLEM.label(problem)]));
    throw new PopulationFigureException(PopulationFigureError.Counts, POPULATION_COUNT_PROBLEM.label(fields[0][1]), errors);
  }
}
