import { TRANSACTION_KIND } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';

export const pointAwardsListSpec = defineListSpec({
  resource: 'point-awards',
  from: 'point_awards pa JOIN participants p ON p.id = pa.participant_id',
  fields: {
    id: { sql: 'pa.id', kind: 'int' },
    participantId: { sql: 'pa.participant_id', kind: 'int' },
    participantRef: { sql: `'****' || p.mykey_last4`, kind: 'text', sortable: false },
    paymentServiceId: { sql: 'pa.payment_service_id', kind: 'int' },
    campaignId: { sql: 'pa.campaign_id', kind: 'int' },
    externalId: { sql: 'pa.external_id', kind: 'text' },
    transactionDate: { sql: 'pa.transaction_date', kind: 'date' },
    kind: { sql: 'pa.kind', kind: 'enum', enum: TRANSACTION_KIND },
    amountYen: { sql: 'pa.amount_yen', kind: 'int' },
    points: { sql: 'pa.points', kind: 'int' },
    importId: { sql: 'pa.import_id', kind: 'int', nullable: true },
    createdBy: { sql: 'pa.created_by', kind: 'int', nullable: true, exportable: false },
    createdAt: { sql: 'pa.created_at', kind: 'instant' },
    // The participant's standing, for the ledger and the "cap reached" filter.
    participantPointsTotal: { sql: 'p.points_total', kind: 'int' },
    capYen: { sql: 'p.cap_yen', kind: 'int' },
    capReached: { sql: '(p.points_total >= p.cap_yen)', kind: 'bool' },
  },
  search: ['pa.external_id', 'p.mykey_last4'],
  defaultSort: ['transactionDate', 'DESC'],
  // Every award has its participant (NOT NULL foreign key to the participant's key).
  count: { from: 'point_awards pa', alias: 'pa' },
});

export type PointAwardRecord = Record<keyof typeof pointAwardsListSpec.fields, unknown> & { id: number };
