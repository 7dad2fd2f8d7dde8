import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentServiceKind, PaymentServiceStatus } from '@mynapoint/domain';

@Entity('payment_services')
export class PaymentServiceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  name: string;

  // Normalised reading (libs/domain/src/reading.ts); the list sorts by it.
  @Column({ name: 'name_kana', type: 'text' })
  nameKana: string;

  @Column({ type: 'text' })
  operator: string;

  @Column({ type: 'text' })
  kind: PaymentServiceKind;

  @Column({ name: 'pre_registration_required', type: 'boolean', default: false })
  preRegistrationRequired: boolean;

  @Column({ name: 'applications_open_on', type: 'date' })
  applicationsOpenOn: string;

  @Column({ type: 'text', default: 'active' })
  status: PaymentServiceStatus;

  @Column({ name: 'award_timing', type: 'text', nullable: true })
  awardTiming: string | null;

  @Column({ name: 'point_expiry', type: 'text', nullable: true })
  pointExpiry: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
