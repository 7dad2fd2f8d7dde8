import { Injectable } from '@nestjs/common';
import { INCIDENT_CAUSE, INCIDENT_STATUS, IncidentStatus, OPERATOR_REPLY_STATUS, RESIDENT_CONTACT_STATUS } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { recordNotFound } from '../common/list/list-reader';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import type { WrongPersonIncidentHistoryDto } from './dto/wrong-person-incident.dto';
import { WrongPersonIncidentError } from './wrong-person-incident.exception';

// Every statement of the wrong-person-incidents feature. The service holds the rules.
// The workflow and its history have the fraud alerts' shape.

export const incidentsTable = defineTable('wrong_person_incidents', {
  id: { kind: 'int', readOnly: true },
  occurredOn: { kind: 'date' },
  cause: { kind: 'enum', enum: INCIDENT_CAUSE },
  terminalId: { kind: 'int', nullable: true },
  paymentServiceId: { kind: 'int', nullable: true },
  description: { kind: 'text' },
  residentsContactStatus: { kind: 'enum', enum: RESIDENT_CONTACT_STATUS },
  operatorReplyStatus: { kind: 'enum', enum: OPERATOR_REPLY_STATUS },
  operatorReply: { kind: 'text', nullable: true },
  micReportedOn: { kind: 'date', nullable: true },
  micReportRef: { kind: 'text', nullable: true },
  status: { kind: 'enum', enum: INCIDENT_STATUS },
  reportedBy: { kind: 'int' },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type IncidentRow = Row<typeof incidentsTable.columns>;

export const incidentHistoryTable = defineTable('wrong_person_incident_history', {
  id: { kind: 'int', readOnly: true },
  incidentId: { kind: 'int' },
  fromStatus: { kind: 'enum', enum: INCIDENT_STATUS, nullable: true },
  toStatus: { kind: 'enum', enum: INCIDENT_STATUS },
  changedBy: { kind: 'int' },
  changedAt: { kind: 'instant', readOnly: true },
  comment: { kind: 'text', nullable: true },
});
export type IncidentHistoryRow = Row<typeof incidentHistoryTable.columns>;

const column = (name: keyof typeof incidentsTable.columns & string) => incidentsTable.fields('w', [name])[name];

export const incidentsListSpec = defineListSpec({
  resource: 'wrong-person-incidents',
  from: 'wrong_person_incidents w JOIN users ru ON ru.id = w.reported_by',
  fields: {
    ...incidentsTable.fields('w', ['id', 'occurredOn', 'cause', 'terminalId', 'paymentServiceId']),
    assistanceRecordIds: {
      sql: `ARRAY(SELECT v.assistance_record_id FROM wrong_person_incident_visits v WHERE v.incident_id = w.id ORDER BY v.assistance_record_id)`,
      kind: 'intArray',
    },
    ...incidentsTable.fields('w', ['description', 'residentsContactStatus', 'operatorReplyStatus', 'operatorReply', 'micReportedOn', 'micReportRef', 'status']),
    reportedBy: { ...column('reportedBy'), exportable: false },
    reportedByName: { sql: 'ru.display_name', kind: 'text' },
    ...incidentsTable.fields('w', ['createdAt', 'updatedAt']),
  },
  search: ['w.description', 'w.operator_reply', 'w.mic_report_ref'],
  defaultSort: ['occurredOn', 'DESC'],
  notFound: WrongPersonIncidentError.NotFound,
});

export type IncidentRecord = Record<keyof typeof incidentsListSpec.fields, unknown> & { id: number; status: IncidentStatus };

export interface LockedIncident {
  status: IncidentStatus;
  micReportedOn: string | null;
}

const EXAMPLE: IncidentRow = { occurredOn: '2022-09-20', cause: 'terminal_not_logged_out', description: '端末のログアウト漏れ', residentsContactStatus: 'not_contacted', operatorReplyStatus: 'not_asked', status: 'new', reportedBy: 1 };

@Injectable()
export class WrongPersonIncidentsRepository extends ListRepository<IncidentRecord> {
  protected readonly spec = incidentsListSpec;

  @GenerateSql({ params: [EXAMPLE] })
  insert(row: IncidentRow): Promise<number> {
    return this.insertRow(incidentsTable, row);
  }

  @GenerateSql({ params: [1, { status: 'investigating', residentsContactStatus: 'contacting' }] })
  async update(id: number, changes: IncidentRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE wrong_person_incidents SET ${incidentsTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM wrong_person_incidents WHERE id = $1', [id]);
  }

  /** The incident locked until the end of the transaction: status changes take turns. */
  @GenerateSql({ params: [1] })
  async lockOrFail(id: number): Promise<LockedIncident> {
    const row = await this.db.one<LockedIncident>(`SELECT status, to_char(mic_reported_on, 'YYYY-MM-DD') AS "micReportedOn" FROM wrong_person_incidents WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw recordNotFound(incidentsListSpec, id);
    return row;
  }

  /** The visits involved become exactly `recordIds`. */
  @GenerateSql({ params: [1, [10, 11]] })
  async setVisits(id: number, recordIds: number[]): Promise<void> {
    await this.db.query(
      `WITH gone AS (DELETE FROM wrong_person_incident_visits WHERE incident_id = $1 AND NOT (assistance_record_id = ANY ($2::int[])))
       INSERT INTO wrong_person_incident_visits (incident_id, assistance_record_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING`,
      [id, recordIds],
    );
  }

  /** The ids among `recordIds` that are no assistance record of this municipality. */
  @GenerateSql({ params: [[10, 11]] })
  async missingVisits(recordIds: number[]): Promise<number[]> {
    const rows = await this.db.query<{ id: number }>(
      'SELECT x.id FROM unnest($1::int[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM assistance_records ar WHERE ar.id = x.id) ORDER BY x.id',
      [recordIds],
    );
    return rows.map((r) => r.id);
  }

  @GenerateSql({ params: [1] })
  async terminalExists(id: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM terminals WHERE id = $1', [id]));
  }

  @GenerateSql({ params: [1] })
  async paymentServiceExists(id: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM payment_services WHERE id = $1', [id]));
  }

  @GenerateSql({ params: [1] })
  history(id: number): Promise<WrongPersonIncidentHistoryDto[]> {
    return this.db.query<WrongPersonIncidentHistoryDto>(
      `SELECT h.id, h.from_status AS "fromStatus", h.to_status AS "toStatus", h.changed_at AS "changedAt",
              h.changed_by AS "changedBy", u.display_name AS "changedByName", h.comment
         FROM wrong_person_incident_history h JOIN users u ON u.id = h.changed_by
        WHERE h.incident_id = $1
        ORDER BY h.changed_at, h.id`,
      [id],
    );
  }

  @GenerateSql({ params: [{ incidentId: 1, fromStatus: 'new', toStatus: 'investigating', changedBy: 1, comment: '端末の利用記録を確認中' }] })
  async addHistory(row: IncidentHistoryRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(incidentHistoryTable.insert(row, p), p.values);
  }
}
