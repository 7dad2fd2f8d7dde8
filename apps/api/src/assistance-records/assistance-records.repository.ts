import { Injectable } from '@nestjs/common';
import { AGE_BAND, ASSISTANCE_OUTCOME, ASSISTANCE_TYPE, OFFICE, PROXY, UNABLE_REASON } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListQuery } from '../common/list/list-query';
import { Scope } from '../common/list/list-sql';
import { defineListSpec } from '../common/list/list-spec';
import { AssistanceRecordError } from './assistance-record.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the assistance-records feature. The service holds the rules.

export const assistanceRecordsTable = defineTable('assistance_records', {
  id: { kind: 'int', readOnly: true },
  visitedAt: { kind: 'instant' },
  office: { kind: 'enum', enum: OFFICE },
  staffId: { kind: 'int' },
  assistanceTypes: { kind: 'enumArray', enum: ASSISTANCE_TYPE },
  paymentServiceId: { kind: 'int', nullable: true },
  outcome: { kind: 'enum', enum: ASSISTANCE_OUTCOME },
  unableReason: { kind: 'enum', enum: UNABLE_REASON, nullable: true },
  durationMinutes: { kind: 'int' },
  ageBand: { kind: 'enum', enum: AGE_BAND, nullable: true },
  district: { kind: 'text', nullable: true },
  proxy: { kind: 'enum', enum: PROXY },
  sharedTerminalUsed: { kind: 'bool' },
  // The city's shared terminal the visit used (issue #21); recorded means sharedTerminalUsed.
  terminalId: { kind: 'int', nullable: true },
  terminalLoggedOut: { kind: 'bool' },
  serviceIdReadBack: { kind: 'bool' },
  notes: { kind: 'text', nullable: true },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type AssistanceRecordRow = Row<typeof assistanceRecordsTable.columns>;

export const assistanceRecordsListSpec = defineListSpec({
  resource: 'assistance-records',
  from: 'assistance_records ar JOIN users u ON u.id = ar.staff_id',
  // The payment service's name for exports (a LEFT JOIN on its key).
  exportJoins: 'LEFT JOIN payment_services ps ON ps.id = ar.payment_service_id',
  fields: {
    ...assistanceRecordsTable.fields('ar', ['id', 'visitedAt', 'office', 'staffId']),
    // Read-only extension: who logged it, for lists that show every clerk.
    staffName: { sql: 'u.display_name', kind: 'text' },
    ...assistanceRecordsTable.fields('ar', ['assistanceTypes']),
    paymentServiceId: { ...assistanceRecordsTable.field('ar', 'paymentServiceId'), exportable: false },
    paymentServiceName: { sql: 'ps.name', kind: 'text', nullable: true, exportOnly: true },
    ...assistanceRecordsTable.fields('ar', [
      'outcome',
      'unableReason',
      'durationMinutes',
      'ageBand',
      'district',
      'proxy',
      'sharedTerminalUsed',
      'terminalId',
      'terminalLoggedOut',
      'serviceIdReadBack',
      'notes',
      'createdAt',
      'updatedAt',
    ]),
  },
  search: ['ar.notes', 'ar.district', 'u.display_name'],
  defaultSort: ['visitedAt', 'DESC'],
  notFound: AssistanceRecordError.NotFound,
  // Every record has its clerk (NOT NULL foreign key to users).
  count: { from: 'assistance_records ar', alias: 'ar' },
});

export type AssistanceRecordRecord = Record<keyof typeof assistanceRecordsListSpec.fields, unknown>;

// The JST day a row was logged is today: the counter staff's edit window, in SQL so
// the check and the write are one statement.
const LOGGED_TODAY_SQL = `(created_at AT TIME ZONE 'Asia/Tokyo')::date = (now() AT TIME ZONE 'Asia/Tokyo')::date`;

const EXAMPLE: AssistanceRecordRow = {
  visitedAt: '2020-09-01T01:00:00Z',
  office: 'main_office',
  staffId: 1,
  assistanceTypes: ['inquiry'],
  outcome: 'completed',
  durationMinutes: 10,
  proxy: 'none',
  sharedTerminalUsed: false,
  terminalLoggedOut: false,
  serviceIdReadBack: false,
};
const PAGE = { sort: { field: 'visitedAt', order: 'DESC' }, range: { start: 0, end: 24 }, filter: {} };

// With `ownerId`, a counter clerk's own records only (another clerk's is not found).
@Injectable()
export class AssistanceRecordsRepository extends ListRepository<AssistanceRecordRecord> {
  protected readonly spec = assistanceRecordsListSpec;

  @GenerateSql({ name: 'every clerk', params: [PAGE] }, { name: 'own', params: [PAGE, 7] })
  override list(q: ListQuery, ownerId?: number) {
    return this.lists.list<AssistanceRecordRecord>(this.spec, q, owned(ownerId));
  }

  @GenerateSql({ name: 'any', params: [1] }, { name: 'own', params: [1, 7] })
  override getOrFail(id: number, ownerId?: number) {
    return this.lists.getOrFail<AssistanceRecordRecord>(this.spec, id, owned(ownerId));
  }

  @GenerateSql({ params: [EXAMPLE] })
  insert(row: AssistanceRecordRow): Promise<number> {
    return this.insertRow(assistanceRecordsTable, row);
  }

  /**
   * With `ownerId`, only that clerk's record and only on the JST day it was logged
   * (the counter's edit window), checked in the same statement as the write. False
   * when no row was changed.
   */
  @GenerateSql({ name: 'any', params: [1, { outcome: 'follow_up' }] }, { name: 'own, same day', params: [1, { notes: '再来庁予定' }, 7] })
  async update(id: number, changes: AssistanceRecordRow, ownerId?: number): Promise<boolean> {
    const p = new SqlParams();
    const own = ownerId === undefined ? '' : ` AND staff_id = ${p.add(ownerId)} AND ${LOGGED_TODAY_SQL}`;
    const sql = `UPDATE assistance_records SET ${assistanceRecordsTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}${own}`;
    return (await this.db.run(sql, p.values)).affected > 0;
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM assistance_records WHERE id = $1', [id]);
  }

  @GenerateSql({ params: [1] })
  async terminalExists(id: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM terminals WHERE id = $1', [id]));
  }

  @GenerateSql({ params: [1] })
  async paymentServiceExists(id: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM payment_services WHERE id = $1', [id]));
  }
}

function owned(ownerId: number | undefined): Scope | undefined {
  return ownerId === undefined ? undefined : { where: (p) => `ar.staff_id = ${p.add(ownerId)}` };
}
