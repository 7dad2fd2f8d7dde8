import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FraudChannel, FraudStatus, Impersonated, RequestedItem, Severity } from '@mynapoint/domain';

// Documents the table; the schema itself is the migration 1764000500000-fraud-alerts.
@Entity('fraud_alerts')
export class FraudAlertEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Column({ type: 'text' })
  channel: FraudChannel;

  @Column({ type: 'text' })
  impersonated: Impersonated;

  @Column({ name: 'requested_items', type: 'text', array: true, default: () => `'{}'` })
  requestedItems: RequestedItem[];

  @Column({ name: 'damage_yen', type: 'int', default: 0 })
  damageYen: number;

  @Column({ type: 'text', nullable: true })
  district: string | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: 'new' })
  status: FraudStatus;

  @Column({ type: 'text' })
  severity: Severity;

  @Column({ name: 'notice_title', type: 'text', nullable: true })
  noticeTitle: string | null;

  @Column({ name: 'notice_body', type: 'text', nullable: true })
  noticeBody: string | null;

  @Column({ name: 'notice_published_at', type: 'timestamptz', nullable: true })
  noticePublishedAt: Date | null;

  @Column({ name: 'notice_published_by', type: 'int', nullable: true })
  noticePublishedBy: number | null;

  @Column({ name: 'reported_by', type: 'int' })
  reportedBy: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

// One row per status change; the first row of an alert (from_status NULL) is the report.
@Entity('fraud_alert_history')
export class FraudAlertHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'fraud_alert_id', type: 'int' })
  fraudAlertId: number;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: FraudStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: FraudStatus;

  @Column({ name: 'changed_by', type: 'int' })
  changedBy: number;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
