import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('reservation_quotas')
export class ReservationQuotaEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'campaign_id', type: 'int' })
  campaignId: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ name: 'warn_at_percent', type: 'int', default: 90 })
  warnAtPercent: number;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  /** Changed only by the single-statement take / give-back, never read-then-written. */
  @Column({ type: 'int', default: 0 })
  used: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
