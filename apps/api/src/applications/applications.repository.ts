import { Injectable } from '@nestjs/common';
import { CHANNEL } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListReader, recordNotFound } from '../common/list/list-reader';
import { defineListSpec } from '../common/list/list-spec';
import { myKeyIdFilter } from '../common/mykey/mykey-filter';
import { ApplicationError } from './application.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the applications feature. The service holds the rules.

export const applicationsTable = defineTable('applications', {
  id: { kind: 'int', readOnly: true },
  participantId: { kind: 'int' },
  /** Fixed once applied: one payment service per person per campaign. */
  paymentServiceId: { kind: 'int' },
  appliedAt: { kind: 'instant' },
  channel: { kind: 'enum', enum: CHANNEL },
  preRegistered: { kind: 'bool' },
  certRenewedAt: { kind: 'instant', nullable: true },
  certIssuedAt: { kind: 'instant', nullable: true },
  // Applied again after an application of this person was deleted: set on insert by
  // a trigger, so the API, the CSV import and the seed all get it.
  reapplication: { kind: 'bool', readOnly: true },
  createdBy: { kind: 'int', nullable: true },
  // Set by the CSV import's set-based insert only.
  importId: { kind: 'int', nullable: true, readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
});
export type ApplicationRow = Row<typeof applicationsTable.columns>;

export const applicationsListSpec = defineListSpec({
  resource: 'applications',
  from: 'applications a JOIN participants p ON p.id = a.participant_id',
  // Names for exports, instead of ids: LEFT JOINs on keys (an export hash-joins the small tables).
  exportJoins: `LEFT JOIN payment_services aps ON aps.id = a.payment_service_id
    LEFT JOIN campaigns ac ON ac.id = p.campaign_id
    LEFT JOIN measures am ON am.id = p.measure_id
    LEFT JOIN users au ON au.id = a.created_by`,
  fields: {
    ...applicationsTable.fields('a', ['id']),
    campaignId: { sql: 'p.campaign_id', kind: 'int', exportable: false },
    campaignName: { sql: 'ac.name', kind: 'text', exportOnly: true },
    // The participant's measure: one application per person per measure.
    measureId: { sql: 'p.measure_id', kind: 'int', exportable: false },
    measureName: { sql: 'am.name', kind: 'text', exportOnly: true },
    ...applicationsTable.fields('a', ['participantId']),
    participantRef: { sql: `('****' || p.mykey_last4)`, kind: 'text' },
    paymentServiceId: { ...applicationsTable.field('a', 'paymentServiceId'), exportable: false },
    paymentServiceName: { sql: 'aps.name', kind: 'text', exportOnly: true },
    ...applicationsTable.fields('a', ['appliedAt', 'channel', 'preRegistered', 'certRenewedAt', 'certIssuedAt', 'reapplication']),
    createdBy: { ...applicationsTable.field('a', 'createdBy'), exportable: false },
    createdByName: { sql: 'au.display_name', kind: 'text', nullable: true, exportOnly: true },
    ...applicationsTable.fields('a', ['createdAt']),
  },
  search: ['p.mykey_last4'],
  filters: { myKeyId: myKeyIdFilter('p.mykey_hash') },
  defaultSort: ['appliedAt', 'DESC'],
  notFound: ApplicationError.NotFound,
});

export type ApplicationRecord = Record<keyof typeof applicationsListSpec.fields, unknown>;

/** An application with its participant, as its update and deletion rules need it. */
export interface LockedApplication {
  participantId: number;
  campaignId: number;
  measureId: number;
  mykeyHash: Buffer;
  paymentServiceId: number;
  appliedAt: Date;
  preRegistered: boolean;
  certRenewedAt: Date | null;
  certIssuedAt: Date | null;
  reservedAt: Date | null;
}

export interface PaymentServiceTerms {
  name: string;
  status: string;
  applicationsOpenOn: string;
  preRegistrationRequired: boolean;
}

export interface ApplicationPeriod {
  applicationOpensOn: string;
  applicationClosesOn: string;
}

const EXAMPLE: ApplicationRow = {
  participantId: 1,
  paymentServiceId: 1,
  appliedAt: new Date('2020-09-01T01:00:00Z'),
  channel: 'counter',
  preRegistered: false,
  certRenewedAt: null,
  certIssuedAt: null,
  createdBy: 1,
};

@Injectable()
export class ApplicationsRepository extends ListRepository<ApplicationRecord> {
  protected readonly spec = applicationsListSpec;

  /** The new id, or undefined when the participant has an application already (the UNIQUE decides, not a read before). */
  @GenerateSql({ params: [EXAMPLE] })
  async insert(row: ApplicationRow): Promise<number | undefined> {
    const p = new SqlParams();
    const [created] = await this.db.query<{ id: number }>(
      `${applicationsTable.insert(row, p)} ON CONFLICT ON CONSTRAINT applications_one_per_participant DO NOTHING RETURNING id`,
      p.values,
    );
    return created?.id;
  }

  @GenerateSql({ params: [1, { channel: 'self_pc', preRegistered: true }] })
  async update(id: number, changes: ApplicationRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE applications SET ${applicationsTable.set(changes, p)} WHERE id = ${p.add(id)}`, p.values);
  }

  /**
   * The application with its participant locked (404 when there is none): the same
   * row an application and a reservation's deletion for this person lock, so they
   * take turns.
   */
  @GenerateSql({ params: [1] })
  async lockOrFail(id: number): Promise<LockedApplication> {
    const row = await this.db.one<LockedApplication>(
      `SELECT a.participant_id AS "participantId", p.campaign_id AS "campaignId", p.measure_id AS "measureId", p.mykey_hash AS "mykeyHash",
              a.payment_service_id AS "paymentServiceId", a.applied_at AS "appliedAt", a.pre_registered AS "preRegistered",
              a.cert_renewed_at AS "certRenewedAt", a.cert_issued_at AS "certIssuedAt",
              (SELECT r.reserved_at FROM reservations r WHERE r.participant_id = p.id) AS "reservedAt"
       FROM applications a JOIN participants p ON p.id = a.participant_id
       WHERE a.id = $1
       FOR UPDATE OF p`,
      [id],
    );
    if (!row) throw recordNotFound(applicationsListSpec, id);
    return row;
  }

  @GenerateSql({ params: [1] })
  async pointAwardCount(participantId: number): Promise<number> {
    const [awards] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM point_awards WHERE participant_id = $1', [participantId]);
    return awards.n;
  }

  /** Deletes the application and records the deletion (who, why, which service) in one statement. */
  @GenerateSql({ params: [1, '窓口で別人のマイキーIDを入力したため', 1] })
  async deleteRecorded(id: number, reason: string, deletedBy: number): Promise<void> {
    await this.db.query(
      `WITH gone AS (DELETE FROM applications WHERE id = $1 RETURNING id, participant_id, payment_service_id, applied_at, created_at, channel)
       INSERT INTO application_deletions (application_id, campaign_id, measure_id, mykey_hash, participant_id, payment_service_id, applied_at, application_created_at, channel, reason, deleted_by)
       SELECT g.id, p.campaign_id, p.measure_id, p.mykey_hash, g.participant_id, g.payment_service_id, g.applied_at, g.created_at, g.channel, $2, $3
         FROM gone g JOIN participants p ON p.id = g.participant_id`,
      [id, reason, deletedBy],
    );
  }

  /** The service of the person's first deleted application in this measure (the one that holds their choice), if any. */
  @GenerateSql({ params: [1] })
  firstDeletedService(participantId: number): Promise<{ paymentServiceId: number; name: string } | undefined> {
    return this.db.one<{ paymentServiceId: number; name: string }>(
      `SELECT d.payment_service_id AS "paymentServiceId", s.name
         FROM application_deletions d JOIN participants p ON p.measure_id = d.measure_id AND p.mykey_hash = d.mykey_hash
         JOIN payment_services s ON s.id = d.payment_service_id
        WHERE p.id = $1 ORDER BY d.deleted_at, d.id LIMIT 1`,
      [participantId],
    );
  }

  @GenerateSql({ params: [1] })
  paymentServiceTerms(id: number): Promise<PaymentServiceTerms | undefined> {
    return this.db.one<PaymentServiceTerms>(
      `SELECT name, status, to_char(applications_open_on, 'YYYY-MM-DD') AS "applicationsOpenOn", pre_registration_required AS "preRegistrationRequired"
       FROM payment_services WHERE id = $1`,
      [id],
    );
  }

  /**
   * The service's part in the measure: undefined when the measure lists no services
   * (it takes every one); else whether this one takes part, and its closing date.
   */
  @GenerateSql({ params: [1, 1] })
  async measureService(measureId: number, paymentServiceId: number): Promise<{ taking: boolean; closesOn: string | null } | undefined> {
    const [row] = await this.db.query<{ listed: boolean; taking: boolean; closesOn: string | null }>(
      `SELECT EXISTS (SELECT 1 FROM measure_payment_services x WHERE x.measure_id = $1) AS listed,
              s.measure_id IS NOT NULL AS taking, to_char(s.closes_on, 'YYYY-MM-DD') AS "closesOn"
         FROM (SELECT 1) one LEFT JOIN measure_payment_services s ON s.measure_id = $1 AND s.payment_service_id = $2`,
      [measureId, paymentServiceId],
    );
    return row.listed ? { taking: row.taking, closesOn: row.closesOn } : undefined;
  }

  @GenerateSql({ params: [1] })
  campaignPeriod(campaignId: number): Promise<ApplicationPeriod | undefined> {
    return this.db.one<ApplicationPeriod>(
      `SELECT to_char(application_opens_on, 'YYYY-MM-DD') AS "applicationOpensOn", to_char(application_closes_on, 'YYYY-MM-DD') AS "applicationClosesOn"
       FROM campaigns WHERE id = $1`,
      [campaignId],
    );
  }
}
