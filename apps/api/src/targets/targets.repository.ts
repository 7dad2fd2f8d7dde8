import { Injectable } from '@nestjs/common';
import { TARGET_METRIC } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import { TargetError } from './target.exception';

// Every statement of the targets feature. The service holds the rules.

export const targetsTable = defineTable('targets', {
  id: { kind: 'int', readOnly: true },
  name: { kind: 'text' },
  metric: { kind: 'enum', enum: TARGET_METRIC },
  percent: { kind: 'decimal' },
  dueOn: { kind: 'date' },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type TargetRow = Row<typeof targetsTable.columns>;

export const targetsListSpec = defineListSpec({
  resource: 'targets',
  from: 'targets t',
  fields: targetsTable.fields('t'),
  search: ['t.name'],
  defaultSort: ['dueOn', 'ASC'],
  notFound: TargetError.NotFound,
});

export type TargetRecord = Record<keyof typeof targetsListSpec.fields, unknown>;

@Injectable()
export class TargetsRepository extends ListRepository<TargetRecord> {
  protected readonly spec = targetsListSpec;

  @GenerateSql({ params: [{ name: '国の交付金の要件（申請率）', metric: 'application_rate', percent: 53.9, dueOn: '2022-12-31' }] })
  insert(row: TargetRow): Promise<number> {
    return this.insertRow(targetsTable, row);
  }

  @GenerateSql({ params: [1, { percent: 60 }] })
  async update(id: number, changes: TargetRow): Promise<void> {
    const p = new SqlParams();
    const sets = targetsTable.set(changes, p);
    await this.db.query(`UPDATE targets SET ${sets}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM targets WHERE id = $1', [id]);
  }

  /** The id of another target of that name (case-insensitive), if any. */
  @GenerateSql({ params: ['国の交付金の要件（申請率）', 1] })
  async nameHolder(name: string, exceptId: number | null): Promise<number | null> {
    const row = await this.db.one<{ id: number }>(`SELECT id FROM targets WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2::int`, [name, exceptId]);
    return row?.id ?? null;
  }
}
