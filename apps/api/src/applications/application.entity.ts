import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel } from '@mynapoint/domain';

@Entity('applications')
export class ApplicationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'participant_id', type: 'int' })
  participantId: number;

  /** Fixed once applied: one payment service per person per campaign. */
  @Column({ name: 'payment_service_id', type: 'int' })
  paymentServiceId: number;

  @Column({ name: 'applied_at', type: 'timestamptz' })
  appliedAt: Date;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ name: 'pre_registered', type: 'boolean', default: false })
  preRegistered: boolean;

  @Column({ name: 'cert_renewed_at', type: 'timestamptz', nullable: true })
  certRenewedAt: Date | null;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ name: 'import_id', type: 'int', nullable: true })
  importId: number | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
