import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TransactionKind } from '@mynapoint/domain';

// The point ledger (the schema comes from the migrations; awards are written only by
// the set-based engine in point-award-engine.ts).
@Entity('point_awards')
export class PointAwardEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'participant_id', type: 'int' })
  participantId: number;

  @Column({ name: 'campaign_id', type: 'int' })
  campaignId: number;

  @Column({ name: 'payment_service_id', type: 'int' })
  paymentServiceId: number;

  @Column({ name: 'external_id', type: 'text' })
  externalId: string;

  @Column({ name: 'transaction_date', type: 'date' })
  transactionDate: string;

  @Column({ type: 'text' })
  kind: TransactionKind;

  @Column({ name: 'amount_yen', type: 'int' })
  amountYen: number;

  @Column({ type: 'int' })
  points: number;

  @Column({ name: 'import_id', type: 'int', nullable: true })
  importId: number | null;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
