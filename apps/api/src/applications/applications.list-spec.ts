import { CHANNEL } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';
import { myKeyIdFilter } from '../common/mykey/mykey-filter';
import { ApplicationError } from './application.exception';

export const applicationsListSpec = defineListSpec({
  resource: 'applications',
  // Names for exports, instead of ids: LEFT JOINs on keys (the count leaves them out;
  // an export hash-joins the small tables).
  from: `applications a JOIN participants p ON p.id = a.participant_id
    LEFT JOIN payment_services aps ON aps.id = a.payment_service_id
    LEFT JOIN campaigns ac ON ac.id = p.campaign_id
    LEFT JOIN users au ON au.id = a.created_by`,
  fields: {
    id: { sql: 'a.id', kind: 'int' },
    campaignId: { sql: 'p.campaign_id', kind: 'int', exportable: false },
    campaignName: { sql: 'ac.name', kind: 'text', exportOnly: true },
    participantId: { sql: 'a.participant_id', kind: 'int' },
    participantRef: { sql: `('****' || p.mykey_last4)`, kind: 'text' },
    paymentServiceId: { sql: 'a.payment_service_id', kind: 'int', exportable: false },
    paymentServiceName: { sql: 'aps.name', kind: 'text', exportOnly: true },
    appliedAt: { sql: 'a.applied_at', kind: 'instant' },
    channel: { sql: 'a.channel', kind: 'enum', enum: CHANNEL },
    preRegistered: { sql: 'a.pre_registered', kind: 'bool' },
    certRenewedAt: { sql: 'a.cert_renewed_at', kind: 'instant', nullable: true },
    // Applied again after an application of this person was deleted (set on insert).
    reapplication: { sql: 'a.reapplication', kind: 'bool' },
    createdBy: { sql: 'a.created_by', kind: 'int', nullable: true, exportable: false },
    createdByName: { sql: 'au.display_name', kind: 'text', nullable: true, exportOnly: true },
    createdAt: { sql: 'a.created_at', kind: 'instant' },
  },
  search: ['p.mykey_last4'],
  filters: { myKeyId: myKeyIdFilter('p.mykey_hash') },
  defaultSort: ['appliedAt', 'DESC'],
  notFound: ApplicationError.NotFound,
});

export type ApplicationRecord = Record<keyof typeof applicationsListSpec.fields, unknown>;
