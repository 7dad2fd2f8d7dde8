import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AgeBand, Channel } from '@mynapoint/domain';

@Entity('reservations')
export class ReservationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'quota_id', type: 'int' })
  quotaId: number;

  @Column({ name: 'participant_id', type: 'int' })
  participantId: number;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ name: 'reserved_at', type: 'timestamptz' })
  reservedAt: Date;

  @Column({ name: 'age_band', type: 'text', nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'text', nullable: true })
  district: string | null;

  @Column({ name: 'cert_renewed_at', type: 'timestamptz', nullable: true })
  certRenewedAt: Date | null;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ name: 'import_id', type: 'int', nullable: true })
  importId: number | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
