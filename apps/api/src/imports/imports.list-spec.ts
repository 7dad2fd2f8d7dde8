import { IMPORT_STATUS, IMPORT_TYPE } from '@mynapoint/domain';
import { defineListSpec } from '../common/list/list-spec';
import { ImportError } from './import.exception';

export const importsListSpec = defineListSpec({
  resource: 'imports',
  from: `imports i LEFT JOIN users u ON u.id = i.created_by
    LEFT JOIN payment_services ps ON ps.id = i.payment_service_id
    LEFT JOIN campaigns c ON c.id = i.campaign_id`,
  fields: {
    id: { sql: 'i.id', kind: 'int' },
    type: { sql: 'i.type', kind: 'enum', enum: IMPORT_TYPE },
    status: { sql: 'i.status', kind: 'enum', enum: IMPORT_STATUS },
    phase: { sql: 'i.phase', kind: 'text', nullable: true },
    paymentServiceId: { sql: 'i.payment_service_id', kind: 'int', nullable: true, exportable: false },
    paymentServiceName: { sql: 'ps.name', kind: 'text', nullable: true },
    campaignId: { sql: 'i.campaign_id', kind: 'int', nullable: true, exportable: false },
    campaignName: { sql: 'c.name', kind: 'text', nullable: true },
    filename: { sql: 'i.filename', kind: 'text', nullable: true },
    encoding: { sql: 'i.encoding', kind: 'text', nullable: true },
    rowsTotal: { sql: 'i.rows_total', kind: 'int' },
    rowsDone: { sql: 'i.rows_done', kind: 'int' },
    accepted: { sql: 'i.accepted', kind: 'int' },
    rejected: { sql: 'i.rejected', kind: 'int' },
    duplicates: { sql: 'i.duplicates', kind: 'int' },
    message: { sql: 'i.message', kind: 'text', nullable: true },
    createdBy: { sql: 'i.created_by', kind: 'int', nullable: true, exportable: false },
    createdByName: { sql: 'u.display_name', kind: 'text', nullable: true },
    createdAt: { sql: 'i.created_at', kind: 'instant' },
    startedAt: { sql: 'i.started_at', kind: 'instant', nullable: true },
    finishedAt: { sql: 'i.finished_at', kind: 'instant', nullable: true },
  },
  search: ['i.filename'],
  defaultSort: ['id', 'DESC'],
  notFound: ImportError.NotFound,
});

export type ImportRecord = Record<keyof typeof importsListSpec.fields, unknown> & { id: number; status: string };
