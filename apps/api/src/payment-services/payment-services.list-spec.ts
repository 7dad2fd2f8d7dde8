import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';
import { PaymentServiceError } from './payment-service.exception';

export const paymentServicesListSpec = defineListSpec({
  resource: 'payment-services',
  from: 'payment_services ps',
  fields: {
    id: { sql: 'ps.id', kind: 'int' },
    name: { sql: 'ps.name', kind: 'text' },
    operator: { sql: 'ps.operator', kind: 'text' },
    kind: { sql: 'ps.kind', kind: 'enum', enum: PAYMENT_SERVICE_KIND },
    preRegistrationRequired: { sql: 'ps.pre_registration_required', kind: 'bool' },
    applicationsOpenOn: { sql: 'ps.applications_open_on', kind: 'date' },
    status: { sql: 'ps.status', kind: 'enum', enum: PAYMENT_SERVICE_STATUS },
    awardTiming: { sql: 'ps.award_timing', kind: 'text', nullable: true },
    pointExpiry: { sql: 'ps.point_expiry', kind: 'text', nullable: true },
    url: { sql: 'ps.url', kind: 'text', nullable: true },
    notes: { sql: 'ps.notes', kind: 'text', nullable: true },
    // COLLATE "C": code point order of the normalised reading is gojūon order, on any locale.
    // Last, so the export's earlier columns keep their places.
    nameKana: { sql: 'ps.name_kana COLLATE "C"', kind: 'text' },
    createdAt: { sql: 'ps.created_at', kind: 'instant' },
    updatedAt: { sql: 'ps.updated_at', kind: 'instant' },
  },
  search: ['ps.name', 'ps.name_kana', 'ps.operator', 'ps.notes'],
  defaultSort: ['nameKana', 'ASC'],
  notFound: PaymentServiceError.NotFound,
});

export type PaymentServiceRecord = Record<keyof typeof paymentServicesListSpec.fields, unknown>;
