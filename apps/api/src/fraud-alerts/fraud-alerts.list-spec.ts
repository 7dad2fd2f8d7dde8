import { FRAUD_CHANNEL, FRAUD_STATUS, IMPERSONATED, NOTICE_STATE, REQUESTED_ITEM, SEVERITY } from '@mynapoint/domain';
import { badQuery } from '../common/list/list-query';
import { defineListSpec } from '../common/list/list-spec';
import { FraudAlertError } from './fraud-alert.exception';

// Mirrors noticeState() in libs/domain/src/fraud-notice.ts.
const NOTICE_STATE_SQL = `CASE WHEN fa.notice_published_at IS NOT NULL THEN 'published'
  WHEN coalesce(btrim(fa.notice_title), '') <> '' OR coalesce(btrim(fa.notice_body), '') <> '' THEN 'draft' ELSE 'none' END`;

export const fraudAlertsListSpec = defineListSpec({
  resource: 'fraud-alerts',
  from: 'fraud_alerts fa JOIN users ru ON ru.id = fa.reported_by LEFT JOIN users pu ON pu.id = fa.notice_published_by',
  fields: {
    id: { sql: 'fa.id', kind: 'int' },
    reportedAt: { sql: 'fa.reported_at', kind: 'instant' },
    channel: { sql: 'fa.channel', kind: 'enum', enum: FRAUD_CHANNEL },
    impersonated: { sql: 'fa.impersonated', kind: 'enum', enum: IMPERSONATED },
    requestedItems: { sql: 'fa.requested_items', kind: 'enumArray', enum: REQUESTED_ITEM },
    damageYen: { sql: 'fa.damage_yen', kind: 'int' },
    district: { sql: 'fa.district', kind: 'text', nullable: true },
    description: { sql: 'fa.description', kind: 'text' },
    status: { sql: 'fa.status', kind: 'enum', enum: FRAUD_STATUS },
    // Sorting by severity means by rank, not alphabetically.
    severity: { sql: 'fa.severity', kind: 'enum', enum: SEVERITY, sortable: false },
    noticeTitle: { sql: 'fa.notice_title', kind: 'text', nullable: true },
    noticeBody: { sql: 'fa.notice_body', kind: 'text', nullable: true },
    noticePublishedAt: { sql: 'fa.notice_published_at', kind: 'instant', nullable: true },
    noticePublishedBy: { sql: 'fa.notice_published_by', kind: 'int', nullable: true, exportable: false },
    noticePublishedByName: { sql: 'pu.display_name', kind: 'text', nullable: true },
    noticeState: { sql: NOTICE_STATE_SQL, kind: 'enum', enum: NOTICE_STATE },
    reportedBy: { sql: 'fa.reported_by', kind: 'int', exportable: false },
    reportedByName: { sql: 'ru.display_name', kind: 'text' },
    createdAt: { sql: 'fa.created_at', kind: 'instant' },
    updatedAt: { sql: 'fa.updated_at', kind: 'instant' },
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
  status: import('@mynapoint/domain').FraudStatus;
  severity: import('@mynapoint/domain').Severity;
  noticePublishedAt: string | null;
};
