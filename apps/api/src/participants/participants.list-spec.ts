import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { myKeyIdFilter } from '../common/mykey/mykey-filter';
import { boolFilter } from '../common/list/bool-filter';
import { defineListSpec } from '../common/list/list-spec';
import { ParticipantError } from './participant.exception';

// A participant with their reservation and chosen service: one row per MyKey ID and
// campaign. The MyKey ID appears only masked (participantRef).
// reservedAt (the default sort) and paymentServiceId (the usual filter) read the
// participant's own copies of r.reserved_at and a.payment_service_id (kept equal by
// triggers, migration 1764001300000): an index on the participant gives a page in
// order by reading 25 entries, where the joined columns sorted every matching row.
// With no filter on r. or a. columns PostgreSQL drops both LEFT JOINs from the count
// (each is unique per participant and nothing of it is used), so the count is the
// participants' index alone; no `count` FROM is needed. The campaign, quota and
// service names (for exports, instead of ids) are LEFT JOINs on keys too.
export const participantsListSpec = defineListSpec({
  resource: 'participants',
  from: `participants p
    LEFT JOIN reservations r ON r.participant_id = p.id
    LEFT JOIN applications a ON a.participant_id = p.id
    LEFT JOIN campaigns pc ON pc.id = p.campaign_id
    LEFT JOIN reservation_quotas pq ON pq.id = r.quota_id
    LEFT JOIN payment_services ps ON ps.id = p.payment_service_id`,
  fields: {
    id: { sql: 'p.id', kind: 'int' },
    participantRef: { sql: `('****' || p.mykey_last4)`, kind: 'text' },
    campaignId: { sql: 'p.campaign_id', kind: 'int', exportable: false },
    campaignName: { sql: 'pc.name', kind: 'text', exportOnly: true },
    reservationId: { sql: 'r.id', kind: 'int', nullable: true },
    quotaId: { sql: 'r.quota_id', kind: 'int', nullable: true, exportable: false },
    quotaName: { sql: 'pq.name', kind: 'text', nullable: true, exportOnly: true },
    reservedAt: { sql: 'p.reserved_at', kind: 'instant', nullable: true },
    channel: { sql: 'r.channel', kind: 'enum', enum: CHANNEL, nullable: true },
    ageBand: { sql: 'r.age_band', kind: 'enum', enum: AGE_BAND, nullable: true },
    district: { sql: 'r.district', kind: 'text', nullable: true },
    applicationId: { sql: 'a.id', kind: 'int', nullable: true },
    paymentServiceId: { sql: 'p.payment_service_id', kind: 'int', nullable: true, exportable: false },
    paymentServiceName: { sql: 'ps.name', kind: 'text', nullable: true, exportOnly: true },
    appliedAt: { sql: 'a.applied_at', kind: 'instant', nullable: true },
    applicationChannel: { sql: 'a.channel', kind: 'enum', enum: CHANNEL, nullable: true },
    pointsTotal: { sql: 'p.points_total', kind: 'int' },
    capYen: { sql: 'p.cap_yen', kind: 'int' },
    capReached: { sql: '(p.points_total >= p.cap_yen)', kind: 'bool' },
    createdAt: { sql: 'p.created_at', kind: 'instant' },
  },
  search: ['p.mykey_last4'],
  filters: {
    myKeyId: myKeyIdFilter('p.mykey_hash'),
    // An application always has its service: the copy is set exactly when one exists.
    applied: boolFilter('(p.payment_service_id IS NOT NULL)', '申し込み済み（true）／未申し込み（false）'),
  },
  defaultSort: ['reservedAt', 'DESC'],
  notFound: ParticipantError.NotFound,
});

export type ParticipantRecord = Record<keyof typeof participantsListSpec.fields, unknown>;
