import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AgeBand, AssistanceOutcome, AssistanceType, Office, Proxy, UnableReason } from '@mynapoint/domain';

@Entity('assistance_records')
export class AssistanceRecordEntity {
  @PrimaryGeneratedColumn()
  id: number;

  // ISO 8601 from the API on the way in; the reads go through the list spec.
  @Column({ name: 'visited_at', type: 'timestamptz' })
  visitedAt: Date | string;

  @Column({ type: 'text' })
  office: Office;

  @Column({ name: 'staff_id', type: 'int' })
  staffId: number;

  @Column({ name: 'assistance_types', type: 'text', array: true })
  assistanceTypes: AssistanceType[];

  @Column({ name: 'payment_service_id', type: 'int', nullable: true })
  paymentServiceId: number | null;

  @Column({ type: 'text' })
  outcome: AssistanceOutcome;

  @Column({ name: 'unable_reason', type: 'text', nullable: true })
  unableReason: UnableReason | null;

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ name: 'age_band', type: 'text', nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'text', nullable: true })
  district: string | null;

  @Column({ type: 'text', default: 'none' })
  proxy: Proxy;

  @Column({ name: 'shared_terminal_used', type: 'boolean', default: false })
  sharedTerminalUsed: boolean;

  @Column({ name: 'terminal_logged_out', type: 'boolean', default: false })
  terminalLoggedOut: boolean;

  @Column({ name: 'service_id_read_back', type: 'boolean', default: false })
  serviceIdReadBack: boolean;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
