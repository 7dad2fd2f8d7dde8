import { Injectable } from '@nestjs/common';
import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { defineListSpec } from '../common/list/list-spec';
import { PaymentServiceError } from './payment-service.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the payment-services feature. The service holds the rules.

export const paymentServicesTable = defineTable('payment_services', {
  id: { kind: 'int', readOnly: true },
  name: { kind: 'text' },
  // Normalised reading (libs/domain/src/reading.ts), set by the service; a trigger
  // fills the name's default when it is blank. The list sorts by it.
  nameKana: { kind: 'text' },
  operator: { kind: 'text' },
  kind: { kind: 'enum', enum: PAYMENT_SERVICE_KIND },
  preRegistrationRequired: { kind: 'bool' },
  applicationsOpenOn: { kind: 'date' },
  status: { kind: 'enum', enum: PAYMENT_SERVICE_STATUS },
  awardTiming: { kind: 'text', nullable: true },
  pointExpiry: { kind: 'text', nullable: true },
  url: { kind: 'text', nullable: true },
  notes: { kind: 'text', nullable: true },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type PaymentServiceRow = Row<typeof paymentServicesTable.columns>;

export const paymentServicesListSpec = defineListSpec({
  resource: 'payment-services',
  from: 'payment_services ps',
  fields: {
    ...paymentServicesTable.fields('ps', [
      'id',
      'name',
      'operator',
      'kind',
      'preRegistrationRequired',
      'applicationsOpenOn',
      'status',
      'awardTiming',
      'pointExpiry',
      'url',
      'notes',
    ]),
    // COLLATE "C": code point order of the normalised reading is gojūon order, on any locale.
    // Last, so the export's earlier columns keep their places.
    nameKana: { sql: 'ps.name_kana COLLATE "C"', kind: 'text' },
    ...paymentServicesTable.fields('ps', ['createdAt', 'updatedAt']),
    // The national registry's rows (the operator's; read-only for municipalities). Last, as nameKana.
    national: { sql: '(ps.municipality_code IS NULL)', kind: 'bool' },
  },
  search: ['ps.name', 'ps.name_kana', 'ps.operator', 'ps.notes'],
  defaultSort: ['nameKana', 'ASC'],
  notFound: PaymentServiceError.NotFound,
});

export type PaymentServiceRecord = Record<keyof typeof paymentServicesListSpec.fields, unknown>;

const EXAMPLE: PaymentServiceRow = {
  name: '〇〇Pay',
  nameKana: 'まるまるぺい',
  operator: '〇〇ペイメント株式会社',
  kind: 'qr_code',
  applicationsOpenOn: '2020-07-01',
};

@Injectable()
export class PaymentServicesRepository extends ListRepository<PaymentServiceRecord> {
  protected readonly spec = paymentServicesListSpec;

  @GenerateSql({ params: [EXAMPLE] })
  async insert(row: PaymentServiceRow): Promise<number> {
    return this.insertRow(paymentServicesTable, row);
  }

  @GenerateSql({ params: [1, { status: 'suspended', nameKana: 'ばつばつぺい' }] })
  async update(id: number, changes: PaymentServiceRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE payment_services SET ${paymentServicesTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM payment_services WHERE id = $1', [id]);
  }

  @GenerateSql({ params: ['〇〇Pay', 0] })
  async nameTaken(name: string, exceptId: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM payment_services WHERE lower(name) = lower($1) AND id <> $2', [name, exceptId]));
  }
}
