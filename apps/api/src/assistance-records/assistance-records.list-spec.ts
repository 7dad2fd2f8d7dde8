import { AGE_BAND, ASSISTANCE_OUTCOME, ASSISTANCE_TYPE, OFFICE, PROXY, UNABLE_REASON } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';

export const assistanceRecordsListSpec = defineListSpec({
  resource: 'assistance-records',
  from: 'assistance_records ar JOIN users u ON u.id = ar.staff_id',
  fields: {
    id: { sql: 'ar.id', kind: 'int' },
    visitedAt: { sql: 'ar.visited_at', kind: 'instant' },
    office: { sql: 'ar.office', kind: 'enum', enum: OFFICE },
    staffId: { sql: 'ar.staff_id', kind: 'int' },
    // Read-only extension: who logged it, for lists that show every clerk.
    staffName: { sql: 'u.display_name', kind: 'text' },
    assistanceTypes: { sql: 'ar.assistance_types', kind: 'enumArray', enum: ASSISTANCE_TYPE },
    paymentServiceId: { sql: 'ar.payment_service_id', kind: 'int', nullable: true },
    outcome: { sql: 'ar.outcome', kind: 'enum', enum: ASSISTANCE_OUTCOME },
    unableReason: { sql: 'ar.unable_reason', kind: 'enum', enum: UNABLE_REASON, nullable: true },
    durationMinutes: { sql: 'ar.duration_minutes', kind: 'int' },
    ageBand: { sql: 'ar.age_band', kind: 'enum', enum: AGE_BAND, nullable: true },
    district: { sql: 'ar.district', kind: 'text', nullable: true },
    proxy: { sql: 'ar.proxy', kind: 'enum', enum: PROXY },
    sharedTerminalUsed: { sql: 'ar.shared_terminal_used', kind: 'bool' },
    terminalLoggedOut: { sql: 'ar.terminal_logged_out', kind: 'bool' },
    serviceIdReadBack: { sql: 'ar.service_id_read_back', kind: 'bool' },
    notes: { sql: 'ar.notes', kind: 'text', nullable: true },
    createdAt: { sql: 'ar.created_at', kind: 'instant' },
    updatedAt: { sql: 'ar.updated_at', kind: 'instant' },
  },
  search: ['ar.notes', 'ar.district', 'u.display_name'],
  defaultSort: ['visitedAt', 'DESC'],
  // Every record has its clerk (NOT NULL foreign key to users).
  count: { from: 'assistance_records ar', alias: 'ar' },
});

export type AssistanceRecordRecord = Record<keyof typeof assistanceRecordsListSpec.fields, unknown>;
