import { Injectable } from '@nestjs/common';
import { AGE_BAND } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import { PopulationFigureError } from './population-figure.exception';

// Every statement of the population-figures feature (the CSV import's set-based SQL is
// its handler's, imports/handlers/population-figures.import.ts). The service holds the rules.

export const populationFiguresTable = defineTable('population_figures', {
  id: { kind: 'int', readOnly: true },
  asOf: { kind: 'date' },
  district: { kind: 'text' },
  ageBand: { kind: 'enum', enum: AGE_BAND },
  population: { kind: 'int' },
  cardApplications: { kind: 'int' },
  cardsIssued: { kind: 'int' },
  // Written by the import that last set the cell's figures (null when typed in).
  importId: { kind: 'int', nullable: true, readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type PopulationFigureRow = Row<typeof populationFiguresTable.columns>;

export const populationFiguresListSpec = defineListSpec({
  resource: 'population-figures',
  from: 'population_figures f',
  fields: populationFiguresTable.fields('f'),
  search: ['f.district'],
  defaultSort: ['asOf', 'DESC'],
  notFound: PopulationFigureError.NotFound,
});

export type PopulationFigureRecord = Record<keyof typeof populationFiguresListSpec.fields, unknown>;

@Injectable()
export class PopulationFiguresRepository extends ListRepository<PopulationFigureRecord> {
  protected readonly spec = populationFiguresListSpec;

  @GenerateSql({ params: [{ asOf: '2023-03-31', district: '水原', ageBand: '40s', population: 2730, cardApplications: 2105, cardsIssued: 1980 }] })
  insert(row: PopulationFigureRow): Promise<number> {
    return this.insertRow(populationFiguresTable, row);
  }

  @GenerateSql({ params: [1, { population: 2800, cardsIssued: 2000 }] })
  async update(id: number, changes: PopulationFigureRow): Promise<void> {
    const p = new SqlParams();
    const sets = populationFiguresTable.set(changes, p);
    await this.db.query(`UPDATE population_figures SET ${sets}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM population_figures WHERE id = $1', [id]);
  }

  /** The id of the row holding a snapshot's cell (other than `exceptId`), if any. */
  @GenerateSql({ params: ['2023-03-31', '水原', '40s', 1] })
  async cellHolder(asOf: string, district: string, ageBand: string, exceptId: number | null): Promise<number | null> {
    const row = await this.db.one<{ id: number }>(
      `SELECT id FROM population_figures WHERE as_of = $1::date AND district = $2 AND age_band = $3 AND id IS DISTINCT FROM $4::int`,
      [asOf, district, ageBand, exceptId],
    );
    return row?.id ?? null;
  }
}
