import { Injectable } from '@nestjs/common';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { defineTable } from '../common/db/table';
import { boolFilter } from '../common/list/bool-filter';
import { defineListSpec } from '../common/list/list-spec';
import { myKeyIdFilter } from '../common/mykey/mykey-filter';
import type { MyKeyDigest } from '../common/mykey/mykey-hasher';
import { ParticipantError } from './participant.exception';
import { ParticipantHistoryEntryDto } from './participant-history.dto';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the participants feature. The service holds the rules.

// One row per MyKey ID and campaign, written only by `enrol` below (with its
// reservation), by the award engine (points_total) and by triggers (the copies).
// The MyKey ID is kept only as its keyed hash (mykey_hash, bytea, never read back)
// and its last 4 characters.
export const participantsTable = defineTable('participants', {
  id: { kind: 'int', readOnly: true },
  campaignId: { kind: 'int', readOnly: true },
  // The measure this row is the person's standing in (points, cap): one row per person per measure.
  measureId: { kind: 'int', readOnly: true },
  mykeyLast4: { kind: 'text', readOnly: true },
  // Copies of r.reserved_at and a.payment_service_id, kept equal by triggers (see the list spec).
  reservedAt: { kind: 'instant', nullable: true, readOnly: true },
  paymentServiceId: { kind: 'int', nullable: true, readOnly: true },
  pointsTotal: { kind: 'int', readOnly: true },
  capYen: { kind: 'int', readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
});

// A participant with their reservation and chosen service: one row per MyKey ID and
// campaign. The MyKey ID appears only masked (participantRef).
// reservedAt (the default sort) and paymentServiceId (the usual filter) read the
// participant's own copies of r.reserved_at and a.payment_service_id (kept equal by
// triggers, migration 1764001300000): an index on the participant gives a page in
// order by reading 25 entries, where the joined columns sorted every matching row.
// With no filter on r. or a. columns PostgreSQL drops both LEFT JOINs from the count
// (each is unique per participant and nothing of it is used), so the count is the
// participants' index alone; no `count` FROM is needed. The campaign, quota and
// service names (for exports, instead of ids) are LEFT JOINs on keys too.
export const participantsListSpec = defineListSpec({
  resource: 'participants',
  from: `participants p
    LEFT JOIN reservations r ON r.participant_id = p.id
    LEFT JOIN applications a ON a.participant_id = p.id`,
  exportJoins: `LEFT JOIN campaigns pc ON pc.id = p.campaign_id
    LEFT JOIN measures pm ON pm.id = p.measure_id
    LEFT JOIN reservation_quotas pq ON pq.id = r.quota_id
    LEFT JOIN payment_services ps ON ps.id = p.payment_service_id`,
  fields: {
    ...participantsTable.fields('p', ['id']),
    participantRef: { sql: `('****' || p.mykey_last4)`, kind: 'text' },
    campaignId: { ...participantsTable.field('p', 'campaignId'), exportable: false },
    campaignName: { sql: 'pc.name', kind: 'text', exportOnly: true },
    measureId: { ...participantsTable.field('p', 'measureId'), exportable: false },
    measureName: { sql: 'pm.name', kind: 'text', exportOnly: true },
    reservationId: { sql: 'r.id', kind: 'int', nullable: true },
    quotaId: { sql: 'r.quota_id', kind: 'int', nullable: true, exportable: false },
    quotaName: { sql: 'pq.name', kind: 'text', nullable: true, exportOnly: true },
    ...participantsTable.fields('p', ['reservedAt']),
    channel: { sql: 'r.channel', kind: 'enum', enum: CHANNEL, nullable: true },
    ageBand: { sql: 'r.age_band', kind: 'enum', enum: AGE_BAND, nullable: true },
    district: { sql: 'r.district', kind: 'text', nullable: true },
    applicationId: { sql: 'a.id', kind: 'int', nullable: true },
    paymentServiceId: { ...participantsTable.field('p', 'paymentServiceId'), exportable: false },
    paymentServiceName: { sql: 'ps.name', kind: 'text', nullable: true, exportOnly: true },
    appliedAt: { sql: 'a.applied_at', kind: 'instant', nullable: true },
    applicationChannel: { sql: 'a.channel', kind: 'enum', enum: CHANNEL, nullable: true },
    ...participantsTable.fields('p', ['pointsTotal', 'capYen']),
    capReached: { sql: '(p.points_total >= p.cap_yen)', kind: 'bool' },
    ...participantsTable.fields('p', ['createdAt']),
  },
  search: ['p.mykey_last4'],
  filters: {
    myKeyId: myKeyIdFilter('p.mykey_hash'),
    // An application always has its service: the copy is set exactly when one exists.
    applied: boolFilter('(p.payment_service_id IS NOT NULL)', '申し込み済み（true）／未申し込み（false）'),
  },
  defaultSort: ['reservedAt', 'DESC'],
  notFound: ParticipantError.NotFound,
});

export type ParticipantRecord = Record<keyof typeof participantsListSpec.fields, unknown>;

export interface ParticipantForApplication {
  id: number;
  campaignId: number;
  measureId: number;
  reservedAt: Date | null;
  applicationId: number | null;
}

// Examples for the SQL snapshots (never a real person's: a hash of 32 bytes of 7).
const DIGEST: MyKeyDigest = { hash: Buffer.alloc(32, 7), last4: '7Q2K', ref: '****7Q2K' };

@Injectable()
export class ParticipantsRepository extends ListRepository<ParticipantRecord> {
  protected readonly spec = participantsListSpec;

  /**
   * What happened to this person in the measure (a campaign of one measure: the campaign), in the order it was recorded: the reservation, each
   * application (a re-application marked), and each deleted application with who
   * deleted it and why. Deletions are found by the person (measure + MyKey hash), so
   * they stay in the history even when the reservation was deleted and made again.
   */
  @GenerateSql({ params: [1] })
  history(id: number): Promise<ParticipantHistoryEntryDto[]> {
    return this.db.query<ParticipantHistoryEntryDto>(
      `WITH me AS (SELECT id, measure_id, mykey_hash, reserved_at, created_at FROM participants WHERE id = $1),
       deleted AS (SELECT d.* FROM application_deletions d JOIN me ON d.measure_id = me.measure_id AND d.mykey_hash = me.mykey_hash),
       events AS (
         SELECT me.reserved_at AS at, me.created_at AS recorded, 'reserved' AS kind, NULL::int AS "paymentServiceId", NULL::int AS "applicationId", NULL::int AS by_id, NULL AS reason
           FROM me WHERE me.reserved_at IS NOT NULL
         UNION ALL
         SELECT applied_at, application_created_at, 'applied', payment_service_id, application_id, NULL, NULL FROM deleted
         UNION ALL
         SELECT deleted_at, deleted_at, 'application_deleted', payment_service_id, application_id, deleted_by, reason FROM deleted
         UNION ALL
         SELECT a.applied_at, a.created_at, CASE WHEN a.reapplication THEN 'reapplied' ELSE 'applied' END, a.payment_service_id, a.id, a.created_by, NULL
           FROM applications a JOIN me ON a.participant_id = me.id)
       SELECT e.at, e.kind, e."paymentServiceId", s.name AS "paymentServiceName", e."applicationId", u.display_name AS "byName", e.reason
         FROM events e LEFT JOIN payment_services s ON s.id = e."paymentServiceId" LEFT JOIN users u ON u.id = e.by_id
        -- In the order it happened in the office: an application's own time may be back-dated.
        ORDER BY e.recorded, e.at`,
      [id],
    );
  }

  /**
   * The participant row for this MyKey ID in the campaign of the quota `quotaId`,
   * created with its reservation; null when the MyKey ID is already enrolled there (a
   * second reservation) or there is no such quota (the caller tells which, on that
   * path only: the quota's campaign is found in this statement, not one before it).
   * The cap is copied from the campaign under a share lock on the campaign row, so a
   * concurrent cap change either waits for this insert or is seen by it (through
   * campaign_cap_shared: a national campaign is not the municipality's to lock itself).
   * The row carries its reservation's time already (the list's copy, see the list
   * spec above), so the reservation's trigger has nothing to rewrite.
   */
  @GenerateSql({ params: [1, DIGEST, new Date('2020-08-01T01:00:00Z')] })
  async enrol(quotaId: number, digest: MyKeyDigest, reservedAt: Date): Promise<number | null> {
    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO participants (campaign_id, measure_id, mykey_hash, mykey_last4, cap_yen, reserved_at)
       SELECT q.campaign_id, (SELECT min(m.id) FROM measures m WHERE m.campaign_id = q.campaign_id), $2, $3, campaign_cap_shared(q.campaign_id), $4
         FROM reservation_quotas q WHERE q.id = $1
       ON CONFLICT ON CONSTRAINT participants_one_per_mykey DO NOTHING
       RETURNING id`,
      [quotaId, digest.hash, digest.last4, reservedAt],
      { prepared: true },
    );
    return row?.id ?? null;
  }

  /**
   * Participants of this MyKey ID with a reservation (in one campaign, or in all: an
   * application that names no measure is to the measure the person reserved for), locked until the end
   * of the transaction: an application and the deletion of its reservation for the
   * same person run one after the other, never interleaved.
   */
  @GenerateSql({ params: [DIGEST.hash, 1] })
  lockForApplication(hash: Buffer, campaignId?: number): Promise<ParticipantForApplication[]> {
    return this.db.query<ParticipantForApplication>(
      `SELECT p.id, p.campaign_id AS "campaignId", p.measure_id AS "measureId", r.reserved_at AS "reservedAt", a.id AS "applicationId"
       FROM participants p
       LEFT JOIN reservations r ON r.participant_id = p.id
       LEFT JOIN applications a ON a.participant_id = p.id
       WHERE p.mykey_hash = $1 AND ($2::int IS NULL OR p.campaign_id = $2) AND r.id IS NOT NULL
       ORDER BY p.campaign_id, p.measure_id
       FOR UPDATE OF p`,
      [hash, campaignId ?? null],
    );
  }

  /** This person's row in the measure, locked (as `lockForApplication`); undefined when they have none. */
  @GenerateSql({ params: [DIGEST.hash, 1] })
  lockInMeasure(hash: Buffer, measureId: number): Promise<ParticipantForApplication | undefined> {
    return this.db.one<ParticipantForApplication>(
      `SELECT p.id, p.campaign_id AS "campaignId", p.measure_id AS "measureId", r.reserved_at AS "reservedAt", a.id AS "applicationId"
       FROM participants p
       LEFT JOIN reservations r ON r.participant_id = p.id
       LEFT JOIN applications a ON a.participant_id = p.id
       WHERE p.mykey_hash = $1 AND p.measure_id = $2
       FOR UPDATE OF p`,
      [hash, measureId],
    );
  }

  /**
   * The points this person earned in earlier rounds (rate measures of other campaigns
   * that started earning before this measure) where they applied; null when they
   * applied in none: a newcomer.
   */
  @GenerateSql({ params: [DIGEST.hash, 1] })
  async earlierPoints(hash: Buffer, measureId: number): Promise<number | null> {
    const [row] = await this.db.query<{ points: number | null }>(
      `SELECT sum(p.points_total)::int AS points
         FROM participants p JOIN measures m ON m.id = p.measure_id JOIN measures me ON me.id = $2
        WHERE p.mykey_hash = $1 AND m.kind = 'rate_with_cap' AND m.campaign_id <> me.campaign_id AND m.earning_starts_on < me.earning_starts_on
          AND EXISTS (SELECT 1 FROM applications a WHERE a.participant_id = p.id)`,
      [hash, measureId],
    );
    return row.points;
  }

  /**
   * The person's row in a measure that needs no reservation (Round 2, a top-up), made
   * on their application: the cap is the measure's less what they carry from earlier
   * rounds, read under a share lock on the measure (a cap change waits, or is seen).
   * Nothing when they have a row already (a concurrent application: the caller locks it).
   */
  @GenerateSql({ params: [1, DIGEST, 0] })
  async enrolInMeasure(measureId: number, digest: MyKeyDigest, carriedYen: number): Promise<void> {
    await this.db.query(
      `INSERT INTO participants (campaign_id, measure_id, mykey_hash, mykey_last4, cap_yen)
       SELECT m.campaign_id, m.id, $2, $3, coalesce(m.cap_per_person_yen, m.fixed_amount_yen) - $4
         FROM measures m WHERE m.id = $1 AND coalesce(m.cap_per_person_yen, m.fixed_amount_yen) - $4 > 0
         FOR SHARE OF m
       ON CONFLICT ON CONSTRAINT participants_one_per_mykey DO NOTHING`,
      [measureId, digest.hash, digest.last4, carriedYen],
    );
  }

  /** Point awards, if any, still reference the row and the foreign key refuses (409). */
  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM participants WHERE id = $1', [id]);
  }
}
