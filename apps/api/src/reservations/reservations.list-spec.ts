import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';
import { myKeyIdFilter } from '../common/mykey/mykey-filter';

export const reservationsListSpec = defineListSpec({
  resource: 'reservations',
  from: 'reservations r JOIN participants p ON p.id = r.participant_id',
  fields: {
    id: { sql: 'r.id', kind: 'int' },
    quotaId: { sql: 'r.quota_id', kind: 'int' },
    campaignId: { sql: 'p.campaign_id', kind: 'int' },
    participantId: { sql: 'r.participant_id', kind: 'int' },
    participantRef: { sql: `('****' || p.mykey_last4)`, kind: 'text' },
    channel: { sql: 'r.channel', kind: 'enum', enum: CHANNEL },
    reservedAt: { sql: 'r.reserved_at', kind: 'instant' },
    ageBand: { sql: 'r.age_band', kind: 'enum', enum: AGE_BAND, nullable: true },
    district: { sql: 'r.district', kind: 'text', nullable: true },
    certRenewedAt: { sql: 'r.cert_renewed_at', kind: 'instant', nullable: true },
    applied: { sql: 'EXISTS (SELECT 1 FROM applications a WHERE a.participant_id = r.participant_id)', kind: 'bool' },
    createdBy: { sql: 'r.created_by', kind: 'int', nullable: true },
    createdAt: { sql: 'r.created_at', kind: 'instant' },
  },
  search: ['p.mykey_last4', 'r.district'],
  filters: { myKeyId: myKeyIdFilter('p.mykey_hash') },
  defaultSort: ['reservedAt', 'DESC'],
});

export type ReservationRecord = Record<keyof typeof reservationsListSpec.fields, unknown>;
