import { Injectable } from '@nestjs/common';
import { QUOTA_STATUS } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { defineListSpec } from '../common/list/list-spec';
import { ReservationQuotaError } from './reservation-quota.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the reservation-quotas feature. The service holds the rules.

export const reservationQuotasTable = defineTable('reservation_quotas', {
  id: { kind: 'int', readOnly: true },
  campaignId: { kind: 'int' },
  name: { kind: 'text' },
  capacity: { kind: 'int' },
  warnAtPercent: { kind: 'int' },
  opensAt: { kind: 'instant' },
  closesAt: { kind: 'instant' },
  // Changed only by take_quota_unit / release_quota_unit and the import's set-based take.
  used: { kind: 'int', readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type ReservationQuotaRow = Row<typeof reservationQuotasTable.columns>;

// The same rule as `quotaStatus` in libs/domain, evaluated by the database at the
// time of the request: closed outside [opens_at, closes_at), full when no unit is left.
const QUOTA_STATUS_SQL = `CASE WHEN now() < q.opens_at OR now() >= q.closes_at THEN 'closed' WHEN q.used >= q.capacity THEN 'full' ELSE 'open' END`;

export const reservationQuotasListSpec = defineListSpec({
  resource: 'reservation-quotas',
  from: 'reservation_quotas q',
  // The campaign's name for exports (a LEFT JOIN on its key).
  exportJoins: 'LEFT JOIN campaigns qc ON qc.id = q.campaign_id',
  fields: {
    id: reservationQuotasTable.fields('q', ['id']).id,
    campaignId: { ...reservationQuotasTable.field('q', 'campaignId'), exportable: false },
    campaignName: { sql: 'qc.name', kind: 'text', exportOnly: true },
    ...reservationQuotasTable.fields('q', ['name', 'capacity', 'warnAtPercent', 'opensAt', 'closesAt', 'used']),
    remaining: { sql: '(q.capacity - q.used)', kind: 'int' },
    status: { sql: QUOTA_STATUS_SQL, kind: 'enum', enum: QUOTA_STATUS },
    ...reservationQuotasTable.fields('q', ['createdAt', 'updatedAt']),
  },
  search: ['q.name'],
  // Fill rate: the quotas closest to their cap first (DESC), where staff must act.
  sorts: { fillRate: '(q.used::numeric / q.capacity)' },
  defaultSort: ['opensAt', 'DESC'],
  notFound: ReservationQuotaError.NotFound,
});

export type ReservationQuotaRecord = Record<keyof typeof reservationQuotasListSpec.fields, unknown>;

export interface QuotaState {
  id: number;
  campaignId: number;
  name: string;
  capacity: number;
  used: number;
  opensAt: Date;
  closesAt: Date;
}

export interface CampaignPeriod {
  reservationOpensOn: string;
  reservationClosesOn: string;
}

@Injectable()
export class ReservationQuotasRepository extends ListRepository<ReservationQuotaRecord> {
  protected readonly spec = reservationQuotasListSpec;

  @GenerateSql({ params: [{ campaignId: 1, name: '予約枠', capacity: 10, warnAtPercent: 90, opensAt: '2020-07-01T00:00:00+09:00', closesAt: '2021-04-01T00:00:00+09:00' }] })
  async insert(row: ReservationQuotaRow): Promise<number> {
    return this.insertRow(reservationQuotasTable, row);
  }

  /**
   * Applies `changes` unless they would break what the quota's reservations rely on:
   * a capacity below the units used, or another campaign once a unit is used. One
   * statement: the guards are evaluated against the row as locked, so a reservation
   * taking a unit at the same moment cannot slip past them. False when refused.
   */
  @GenerateSql({ name: 'capacity', params: [1, { capacity: 20 }] }, { name: 'campaign', params: [1, { campaignId: 2, name: '別名' }] })
  async updateGuarded(id: number, changes: ReservationQuotaRow): Promise<boolean> {
    const p = new SqlParams();
    const sets = reservationQuotasTable.set(changes, p);
    const idParam = p.add(id);
    const capacity = changes.capacity !== undefined ? p.add(changes.capacity) : 'capacity';
    const campaign = changes.campaignId !== undefined ? p.add(changes.campaignId) : 'campaign_id';
    const updated = await this.db.query(
      `UPDATE reservation_quotas SET ${sets}, updated_at = now()
       WHERE id = ${idParam} AND used <= ${capacity} AND (used = 0 OR campaign_id = ${campaign}) RETURNING id`,
      p.values,
    );
    return updated.length > 0;
  }

  @GenerateSql({ params: [1] })
  async reservationCount(id: number): Promise<number> {
    const [use] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reservations WHERE quota_id = $1', [id]);
    return use.n;
  }

  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM reservation_quotas WHERE id = $1', [id]);
  }

  @GenerateSql({ params: [1] })
  state(id: number): Promise<QuotaState | undefined> {
    return this.db.one<QuotaState>(
      `SELECT id, campaign_id AS "campaignId", name, capacity, used, opens_at AS "opensAt", closes_at AS "closesAt"
       FROM reservation_quotas WHERE id = $1`,
      [id],
    );
  }

  @GenerateSql({ params: [1] })
  campaignPeriod(campaignId: number): Promise<CampaignPeriod | undefined> {
    return this.db.one<CampaignPeriod>(
      `SELECT to_char(reservation_opens_on, 'YYYY-MM-DD') AS "reservationOpensOn", to_char(reservation_closes_on, 'YYYY-MM-DD') AS "reservationClosesOn"
       FROM campaigns WHERE id = $1`,
      [campaignId],
    );
  }
}
