import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportStatus, ImportType } from '@mynapoint/domain';

// The import jobs (the schema comes from the migrations; imports.service reads and
// writes them with SQL).
@Entity('imports')
export class ImportEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'text' })
  type: ImportType;

  @Column({ type: 'text', default: 'queued' })
  status: ImportStatus;

  @Column({ type: 'text', nullable: true })
  phase: 'reading' | 'checking' | 'applying' | null;

  @Column({ name: 'payment_service_id', type: 'int', nullable: true })
  paymentServiceId: number | null;

  @Column({ name: 'campaign_id', type: 'int', nullable: true })
  campaignId: number | null;

  @Column({ type: 'text', nullable: true })
  filename: string | null;

  @Column({ type: 'text', nullable: true })
  encoding: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes: number | null;

  @Column({ name: 'rows_total', type: 'int', default: 0 })
  rowsTotal: number;

  @Column({ name: 'rows_done', type: 'int', default: 0 })
  rowsDone: number;

  @Column({ type: 'int', default: 0 })
  accepted: number;

  @Column({ type: 'int', default: 0 })
  rejected: number;

  @Column({ type: 'int', default: 0 })
  duplicates: number;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** The API process that owns the job while it is queued or running. */
  @Column({ type: 'int', nullable: true })
  worker: number | null;

  @Column({ name: 'upload_path', type: 'text', nullable: true })
  uploadPath: string | null;

  @Column({ name: 'created_by', type: 'int', nullable: true })
  createdBy: number | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
