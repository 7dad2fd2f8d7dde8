import { Injectable } from '@nestjs/common';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { defineListSpec } from '../common/list/list-spec';
import { selectList } from '../common/list/list-sql';
import { myKeyIdFilter } from '../common/mykey/mykey-filter';
import { ReservationError } from './reservation.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the reservations feature. The service holds the rules.

export const reservationsTable = defineTable('reservations', {
  id: { kind: 'int', readOnly: true },
  quotaId: { kind: 'int' },
  participantId: { kind: 'int' },
  channel: { kind: 'enum', enum: CHANNEL },
  reservedAt: { kind: 'instant' },
  ageBand: { kind: 'enum', enum: AGE_BAND, nullable: true },
  district: { kind: 'text', nullable: true },
  certRenewedAt: { kind: 'instant', nullable: true },
  certIssuedAt: { kind: 'instant', nullable: true },
  createdBy: { kind: 'int', nullable: true },
  createdAt: { kind: 'instant', readOnly: true },
});
export type ReservationRow = Row<typeof reservationsTable.columns>;

export const reservationsListSpec = defineListSpec({
  resource: 'reservations',
  // The names an export shows instead of ids (export-only fields: responses keep their
  // shape): LEFT JOINs on keys added to exports only (see ListSpec.exportJoins), a hash
  // join on small tables (a sub-select per row cost several times more on millions of rows).
  from: 'reservations r JOIN participants p ON p.id = r.participant_id',
  exportJoins: `LEFT JOIN reservation_quotas rq ON rq.id = r.quota_id
    LEFT JOIN campaigns rc ON rc.id = p.campaign_id
    LEFT JOIN users ru ON ru.id = r.created_by`,
  fields: {
    id: reservationsTable.fields('r', ['id']).id,
    quotaId: { ...reservationsTable.field('r', 'quotaId'), exportable: false },
    quotaName: { sql: 'rq.name', kind: 'text', exportOnly: true },
    campaignId: { sql: 'p.campaign_id', kind: 'int', exportable: false },
    campaignName: { sql: 'rc.name', kind: 'text', exportOnly: true },
    participantId: { sql: 'r.participant_id', kind: 'int' },
    participantRef: { sql: `('****' || p.mykey_last4)`, kind: 'text' },
    ...reservationsTable.fields('r', ['channel', 'reservedAt', 'ageBand', 'district', 'certRenewedAt', 'certIssuedAt']),
    applied: { sql: 'EXISTS (SELECT 1 FROM applications a WHERE a.participant_id = r.participant_id)', kind: 'bool' },
    createdBy: { ...reservationsTable.field('r', 'createdBy'), exportable: false },
    createdByName: { sql: 'ru.display_name', kind: 'text', nullable: true, exportOnly: true },
    ...reservationsTable.fields('r', ['createdAt']),
  },
  search: ['p.mykey_last4', 'r.district'],
  filters: { myKeyId: myKeyIdFilter('p.mykey_hash') },
  defaultSort: ['reservedAt', 'DESC'],
  notFound: ReservationError.NotFound,
});

export type ReservationRecord = Record<keyof typeof reservationsListSpec.fields, unknown>;

/** A reservation with its participant, as its update and deletion rules need it. */
export interface LockedReservation {
  quotaId: number;
  participantId: number;
  mykeyHash: Buffer;
  reservedAt: Date;
  certRenewedAt: Date | null;
  certIssuedAt: Date | null;
  opensAt: Date;
  closesAt: Date;
  appliedAt: Date | null;
}

const EXAMPLE_ROW = {
  quotaId: 1,
  participantId: 1,
  channel: 'counter',
  reservedAt: new Date('2020-08-01T01:00:00Z'),
  ageBand: '40s',
  district: '水原',
  certRenewedAt: null,
  certIssuedAt: null,
  createdBy: 1,
};

@Injectable()
export class ReservationsRepository extends ListRepository<ReservationRecord> {
  protected readonly spec = reservationsListSpec;

  /**
   * The unit of the quota (take_quota_unit, the quota's own rule in the database),
   * the row and its read-back in one statement: the quota row and the day's rollup
   * rows, which every reservation of the quota needs, stay locked only from here to
   * the commit (docs/benchmarks.md, finding 7). Undefined when no unit could be taken.
   */
  @GenerateSql({ params: [EXAMPLE_ROW] })
  async insertTakingUnit(row: ReservationRow & { quotaId: number; reservedAt: Date }): Promise<ReservationRecord | undefined> {
    const [record] = await this.db.query<ReservationRecord>(
      `WITH unit AS (SELECT take_quota_unit($1, $4) AS id),
       r AS (INSERT INTO reservations (quota_id, participant_id, channel, reserved_at, age_band, district, cert_renewed_at, cert_issued_at, created_by)
             SELECT unit.id, $2, $3, $4, $5, $6, $7, $9, $8 FROM unit WHERE unit.id IS NOT NULL RETURNING *)
       SELECT ${selectList(reservationsListSpec)} FROM r JOIN participants p ON p.id = r.participant_id`,
      [row.quotaId, row.participantId, row.channel, row.reservedAt, row.ageBand ?? null, row.district ?? null, row.certRenewedAt ?? null, row.createdBy, row.certIssuedAt ?? null],
      { prepared: true },
    );
    return record;
  }

  @GenerateSql({ params: [1, { channel: 'self_pc', district: '安田' }] })
  async update(id: number, changes: ReservationRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE reservations SET ${reservationsTable.set(changes, p)} WHERE id = ${p.add(id)}`, p.values);
  }

  /** Deletes the reservation and gives its unit back in one statement: the unit returns exactly when the row goes. */
  @GenerateSql({ params: [1] })
  async deleteReleasingUnit(id: number): Promise<void> {
    await this.db.query('WITH gone AS (DELETE FROM reservations WHERE id = $1 RETURNING quota_id) SELECT release_quota_unit(quota_id) FROM gone', [id]);
  }

  /**
   * The reservation with its participant locked: applications for the same person
   * lock the same row, so "delete unless applied" cannot race an application.
   */
  @GenerateSql({ params: [1] })
  lockWithParticipant(id: number): Promise<LockedReservation | undefined> {
    return this.db.one<LockedReservation>(
      `SELECT r.quota_id AS "quotaId", r.participant_id AS "participantId", p.mykey_hash AS "mykeyHash",
              r.reserved_at AS "reservedAt", r.cert_renewed_at AS "certRenewedAt", r.cert_issued_at AS "certIssuedAt",
              q.opens_at AS "opensAt", q.closes_at AS "closesAt",
              (SELECT a.applied_at FROM applications a WHERE a.participant_id = p.id) AS "appliedAt"
       FROM reservations r
       JOIN participants p ON p.id = r.participant_id
       JOIN reservation_quotas q ON q.id = r.quota_id
       WHERE r.id = $1
       FOR UPDATE OF p`,
      [id],
    );
  }
}
