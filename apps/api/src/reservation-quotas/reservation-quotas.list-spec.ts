import { QUOTA_STATUS } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';

// The same rule as `quotaStatus` in libs/domain, evaluated by the database at the
// time of the request: closed outside [opens_at, closes_at), full when no unit is left.
export const QUOTA_STATUS_SQL = `CASE WHEN now() < q.opens_at OR now() >= q.closes_at THEN 'closed' WHEN q.used >= q.capacity THEN 'full' ELSE 'open' END`;

export const reservationQuotasListSpec = defineListSpec({
  resource: 'reservation-quotas',
  from: 'reservation_quotas q',
  fields: {
    id: { sql: 'q.id', kind: 'int' },
    campaignId: { sql: 'q.campaign_id', kind: 'int' },
    name: { sql: 'q.name', kind: 'text' },
    capacity: { sql: 'q.capacity', kind: 'int' },
    warnAtPercent: { sql: 'q.warn_at_percent', kind: 'int' },
    opensAt: { sql: 'q.opens_at', kind: 'instant' },
    closesAt: { sql: 'q.closes_at', kind: 'instant' },
    used: { sql: 'q.used', kind: 'int' },
    remaining: { sql: '(q.capacity - q.used)', kind: 'int' },
    status: { sql: QUOTA_STATUS_SQL, kind: 'enum', enum: QUOTA_STATUS },
    createdAt: { sql: 'q.created_at', kind: 'instant' },
    updatedAt: { sql: 'q.updated_at', kind: 'instant' },
  },
  search: ['q.name'],
  // Fill rate: the quotas closest to their cap first (DESC), where staff must act.
  sorts: { fillRate: '(q.used::numeric / q.capacity)' },
  defaultSort: ['opensAt', 'DESC'],
});

export type ReservationQuotaRecord = Record<keyof typeof reservationQuotasListSpec.fields, unknown>;
