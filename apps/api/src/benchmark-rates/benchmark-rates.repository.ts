import { Injectable } from '@nestjs/common';
import { BENCHMARK_SCOPE } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import { BenchmarkRateError } from './benchmark-rate.exception';

// Every statement of the benchmark-rates feature (the CSV import's set-based SQL is its
// handler's, imports/handlers/benchmark-rates.import.ts). The service holds the rules.

export const benchmarkRatesTable = defineTable('benchmark_rates', {
  id: { kind: 'int', readOnly: true },
  asOf: { kind: 'date' },
  scope: { kind: 'enum', enum: BENCHMARK_SCOPE },
  applicationRatePercent: { kind: 'decimal' },
  issuanceRatePercent: { kind: 'decimal' },
  importId: { kind: 'int', nullable: true, readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type BenchmarkRateRow = Row<typeof benchmarkRatesTable.columns>;

export const benchmarkRatesListSpec = defineListSpec({
  resource: 'benchmark-rates',
  from: 'benchmark_rates b',
  fields: benchmarkRatesTable.fields('b'),
  defaultSort: ['asOf', 'DESC'],
  notFound: BenchmarkRateError.NotFound,
});

export type BenchmarkRateRecord = Record<keyof typeof benchmarkRatesListSpec.fields, unknown>;

@Injectable()
export class BenchmarkRatesRepository extends ListRepository<BenchmarkRateRecord> {
  protected readonly spec = benchmarkRatesListSpec;

  @GenerateSql({ params: [{ asOf: '2023-03-31', scope: 'national', applicationRatePercent: 76.9, issuanceRatePercent: 67 }] })
  insert(row: BenchmarkRateRow): Promise<number> {
    return this.insertRow(benchmarkRatesTable, row);
  }

  @GenerateSql({ params: [1, { applicationRatePercent: 77.1 }] })
  async update(id: number, changes: BenchmarkRateRow): Promise<void> {
    const p = new SqlParams();
    const sets = benchmarkRatesTable.set(changes, p);
    await this.db.query(`UPDATE benchmark_rates SET ${sets}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM benchmark_rates WHERE id = $1', [id]);
  }

  /** The id of the row holding a date's rates of a scope (other than `exceptId`), if any. */
  @GenerateSql({ params: ['2023-03-31', 'national', 1] })
  async dateHolder(asOf: string, scope: string, exceptId: number | null): Promise<number | null> {
    const row = await this.db.one<{ id: number }>(
      `SELECT id FROM benchmark_rates WHERE as_of = $1::date AND scope = $2 AND id IS DISTINCT FROM $3::int`,
      [asOf, scope, exceptId],
    );
    return row?.id ?? null;
  }
}
