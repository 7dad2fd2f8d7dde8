import { Injectable } from '@nestjs/common';
import { FRAUD_CHANNEL, FRAUD_STATUS, FraudStatus, IMPERSONATED, NOTICE_STATE, REQUESTED_ITEM, RequestedItem, SEVERITY, Severity } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { badQuery, ListQuery } from '../common/list/list-query';
import { ListReader, recordNotFound } from '../common/list/list-reader';
import { defineListSpec } from '../common/list/list-spec';
import type { FraudAlertHistoryDto } from './dto/fraud-alert.dto';
import { FraudAlertError } from './fraud-alert.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the fraud-alerts feature. The service holds the rules.
// Triggers on fraud_alerts keep the daily stats rollup (fraud_daily_stats) and guard
// the workflow and published notices (migrations 1764000500000, 1764001400000).

export const fraudAlertsTable = defineTable('fraud_alerts', {
  id: { kind: 'int', readOnly: true },
  reportedAt: { kind: 'instant' },
  channel: { kind: 'enum', enum: FRAUD_CHANNEL },
  impersonated: { kind: 'enum', enum: IMPERSONATED },
  requestedItems: { kind: 'enumArray', enum: REQUESTED_ITEM },
  damageYen: { kind: 'int' },
  district: { kind: 'text', nullable: true },
  description: { kind: 'text' },
  status: { kind: 'enum', enum: FRAUD_STATUS },
  severity: { kind: 'enum', enum: SEVERITY },
  noticeTitle: { kind: 'text', nullable: true },
  noticeBody: { kind: 'text', nullable: true },
  // Stamped once, by `publish` only.
  noticePublishedAt: { kind: 'instant', nullable: true, readOnly: true },
  noticePublishedBy: { kind: 'int', nullable: true, readOnly: true },
  reportedBy: { kind: 'int' },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type FraudAlertRow = Row<typeof fraudAlertsTable.columns>;

// One row per status change; the first row of an alert (fromStatus null) is the report.
export const fraudAlertHistoryTable = defineTable('fraud_alert_history', {
  id: { kind: 'int', readOnly: true },
  fraudAlertId: { kind: 'int' },
  fromStatus: { kind: 'enum', enum: FRAUD_STATUS, nullable: true },
  toStatus: { kind: 'enum', enum: FRAUD_STATUS },
  changedBy: { kind: 'int' },
  changedAt: { kind: 'instant', readOnly: true },
  comment: { kind: 'text', nullable: true },
});
export type FraudAlertHistoryRow = Row<typeof fraudAlertHistoryTable.columns>;

// Mirrors noticeState() in libs/domain/src/fraud-notice.ts.
const NOTICE_STATE_SQL = `CASE WHEN fa.notice_published_at IS NOT NULL THEN 'published'
  WHEN coalesce(btrim(fa.notice_title), '') <> '' OR coalesce(btrim(fa.notice_body), '') <> '' THEN 'draft' ELSE 'none' END`;

const column = (name: keyof typeof fraudAlertsTable.columns & string) => fraudAlertsTable.fields('fa', [name])[name];

export const fraudAlertsListSpec = defineListSpec({
  resource: 'fraud-alerts',
  from: 'fraud_alerts fa JOIN users ru ON ru.id = fa.reported_by LEFT JOIN users pu ON pu.id = fa.notice_published_by',
  fields: {
    ...fraudAlertsTable.fields('fa', ['id', 'reportedAt', 'channel', 'impersonated', 'requestedItems', 'damageYen', 'district', 'description', 'status']),
    // Sorting by severity means by rank, not alphabetically.
    severity: { ...column('severity'), sortable: false },
    ...fraudAlertsTable.fields('fa', ['noticeTitle', 'noticeBody', 'noticePublishedAt']),
    noticePublishedBy: { ...column('noticePublishedBy'), exportable: false },
    noticePublishedByName: { sql: 'pu.display_name', kind: 'text', nullable: true },
    noticeState: { sql: NOTICE_STATE_SQL, kind: 'enum', enum: NOTICE_STATE },
    reportedBy: { ...column('reportedBy'), exportable: false },
    reportedByName: { sql: 'ru.display_name', kind: 'text' },
    ...fraudAlertsTable.fields('fa', ['createdAt', 'updatedAt']),
  },
  search: ['fa.description', 'fa.district', 'fa.notice_title'],
  filters: {
    // `{"published":true}`: the dashboard's published notices (uses the partial index).
    published: {
      description: 'true: 公開済みの注意喚起のみ / false: 未公開のみ',
      where: (value) => {
        if (value === true || value === 'true') return 'fa.notice_published_at IS NOT NULL';
        if (value === false || value === 'false') return 'fa.notice_published_at IS NULL';
        throw badQuery('filter.published には true か false を指定してください。');
      },
    },
  },
  sorts: { severity: `array_position(ARRAY['low','medium','high'], fa.severity)` },
  defaultSort: ['reportedAt', 'DESC'],
  notFound: FraudAlertError.NotFound,
});

export type FraudAlertRecord = Record<keyof typeof fraudAlertsListSpec.fields, unknown> & {
  id: number;
  status: FraudStatus;
  severity: Severity;
  noticePublishedAt: string | null;
};

/** The row as the rules need it, read under a row lock. */
export interface LockedAlert {
  status: FraudStatus;
  severity: Severity;
  damageYen: number;
  requestedItems: RequestedItem[];
  noticeTitle: string | null;
  noticeBody: string | null;
  noticePublishedAt: Date | null;
}

const EXAMPLE: FraudAlertRow = {
  status: 'new',
  severity: 'high',
  reportedBy: 1,
  reportedAt: '2020-09-01T01:00:00Z',
  channel: 'phone',
  impersonated: 'mic_staff',
  requestedItems: ['money_or_fee'],
  damageYen: 0,
  description: '総務省職員を名乗る電話',
};

@Injectable()
export class FraudAlertsRepository extends ListRepository<FraudAlertRecord> {
  protected readonly spec = fraudAlertsListSpec;

  @GenerateSql({ params: [EXAMPLE] })
  async insert(row: FraudAlertRow): Promise<number> {
    return this.insertRow(fraudAlertsTable, row);
  }

  @GenerateSql({ params: [1, { severity: 'high', status: 'investigating', district: '水原' }] })
  async update(id: number, changes: FraudAlertRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE fraud_alerts SET ${fraudAlertsTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM fraud_alerts WHERE id = $1', [id]);
  }

  /**
   * The alert locked until the end of the transaction (404 when there is none):
   * concurrent saves, status changes and publishes of one alert take turns, so each
   * judges the state the previous one left.
   */
  @GenerateSql({ params: [1] })
  async lockOrFail(id: number): Promise<LockedAlert> {
    const row = await this.db.one<LockedAlert>(
      `SELECT status, severity, damage_yen AS "damageYen", requested_items AS "requestedItems",
              notice_title AS "noticeTitle", notice_body AS "noticeBody", notice_published_at AS "noticePublishedAt"
         FROM fraud_alerts WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw recordNotFound(fraudAlertsListSpec, id);
    return row;
  }

  /** Stamps the notice as published, once (a second stamp changes nothing). */
  @GenerateSql({ params: [1, 1] })
  async publish(id: number, publishedBy: number): Promise<void> {
    await this.db.query(
      `UPDATE fraud_alerts SET notice_published_at = now(), notice_published_by = $2, updated_at = now() WHERE id = $1 AND notice_published_at IS NULL`,
      [id, publishedBy],
    );
  }

  @GenerateSql({ params: [1] })
  history(id: number): Promise<FraudAlertHistoryDto[]> {
    return this.db.query<FraudAlertHistoryDto>(
      `SELECT h.id::int AS id, h.from_status AS "fromStatus", h.to_status AS "toStatus", h.changed_at AS "changedAt",
              h.changed_by AS "changedBy", u.display_name AS "changedByName", h.comment
         FROM fraud_alert_history h JOIN users u ON u.id = h.changed_by
        WHERE h.fraud_alert_id = $1
        ORDER BY h.changed_at, h.id`,
      [id],
    );
  }

  @GenerateSql({ params: [{ fraudAlertId: 1, fromStatus: 'new', toStatus: 'investigating', changedBy: 1, comment: '警察に相談済み' }] })
  async addHistory(row: FraudAlertHistoryRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(fraudAlertHistoryTable.insert(row, p), p.values);
  }
}
