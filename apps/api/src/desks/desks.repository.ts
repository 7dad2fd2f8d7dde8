import { Injectable } from '@nestjs/common';
import { DESK_OFFICE, DeskOffice } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import { DeskError } from './desk.exception';

// Every statement of the desks feature. The service holds the rules.

export const desksTable = defineTable('desks', {
  id: { kind: 'int', readOnly: true },
  name: { kind: 'text' },
  office: { kind: 'enum', enum: DESK_OFFICE },
  place: { kind: 'text', nullable: true },
  opensOn: { kind: 'date', nullable: true },
  closesOn: { kind: 'date', nullable: true },
  active: { kind: 'bool' },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type DeskRow = Row<typeof desksTable.columns>;

export const desksListSpec = defineListSpec({
  resource: 'desks',
  from: 'desks d',
  fields: desksTable.fields('d'),
  search: ['d.name', 'd.place'],
  defaultSort: ['name', 'ASC'],
  notFound: DeskError.NotFound,
});

export type DeskRecord = Record<keyof typeof desksListSpec.fields, unknown> & {
  id: number;
  name: string;
  office: DeskOffice;
  opensOn: string | null;
  closesOn: string | null;
};

@Injectable()
export class DesksRepository extends ListRepository<DeskRecord> {
  protected readonly spec = desksListSpec;

  @GenerateSql({ params: [{ name: '本庁 マイナポイント窓口', office: 'main_office', active: true }] })
  insert(row: DeskRow): Promise<number> {
    return this.insertRow(desksTable, row);
  }

  @GenerateSql({ params: [1, { place: '市役所 1階' }] })
  async update(id: number, changes: DeskRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE desks SET ${desksTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  /** Deletes the desk unless a slot or a terminal belongs to it (one statement); false when kept. */
  @GenerateSql({ params: [1] })
  async deleteUnused(id: number): Promise<boolean> {
    const gone = await this.db.query(
      `DELETE FROM desks d WHERE d.id = $1
         AND NOT EXISTS (SELECT 1 FROM appointment_slots s WHERE s.desk_id = d.id)
         AND NOT EXISTS (SELECT 1 FROM terminals t WHERE t.desk_id = d.id)
       RETURNING d.id`,
      [id],
    );
    return gone.length > 0;
  }

  @GenerateSql({ params: ['本庁 マイナポイント窓口', null] })
  async nameHolder(name: string, exceptId: number | null): Promise<number | null> {
    const row = await this.db.one<{ id: number }>('SELECT id FROM desks WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2', [name, exceptId]);
    return row?.id ?? null;
  }
}
