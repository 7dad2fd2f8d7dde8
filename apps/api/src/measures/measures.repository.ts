import { Injectable } from '@nestjs/common';
import { FUNDED_BY, MEASURE_ELIGIBILITY, MEASURE_KIND, BUDGET_WARN_AT_PERCENT } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import { SqlParams } from '../common/db/sql-params';
import { Row, defineTable } from '../common/db/table';
import { ListRepository } from '../common/list/list-repository';
import { defineListSpec } from '../common/list/list-spec';
import { MeasureError } from './measure.exception';

// Every statement of the measures feature. The service holds the rules.

export const measuresTable = defineTable('measures', {
  id: { kind: 'int', readOnly: true },
  campaignId: { kind: 'int' },
  name: { kind: 'text' },
  kind: { kind: 'enum', enum: MEASURE_KIND },
  ratePercent: { kind: 'int', nullable: true },
  capPerPersonYen: { kind: 'int', nullable: true },
  fixedAmountYen: { kind: 'int', nullable: true },
  applicationOpensOn: { kind: 'date' },
  applicationClosesOn: { kind: 'date' },
  earningStartsOn: { kind: 'date' },
  earningEndsOn: { kind: 'date' },
  eligibility: { kind: 'enum', enum: MEASURE_ELIGIBILITY },
  cardAppliedBy: { kind: 'date', nullable: true },
  minAge: { kind: 'int', nullable: true },
  maxAge: { kind: 'int', nullable: true },
  fundedBy: { kind: 'enum', enum: FUNDED_BY },
  budgetYen: { kind: 'int', nullable: true },
  createdAt: { kind: 'instant', readOnly: true },
  updatedAt: { kind: 'instant', readOnly: true },
});
export type MeasureRow = Row<typeof measuresTable.columns>;

// What a measure has awarded: a budgeted measure keeps its own counter (raised by each
// award statement under the measure's row lock); another sums its participants' points
// (this municipality's: row-level security shows no other's).
const AWARDED = `(CASE WHEN m.budget_yen IS NULL THEN (SELECT coalesce(sum(p.points_total), 0) FROM participants p WHERE p.measure_id = m.id) ELSE m.awarded_yen END)`;

export const measuresListSpec = defineListSpec({
  resource: 'measures',
  from: 'measures m',
  exportJoins: 'LEFT JOIN campaigns mc ON mc.id = m.campaign_id',
  fields: {
    ...measuresTable.fields('m', ['id', 'campaignId']),
    campaignName: { sql: 'mc.name', kind: 'text', exportOnly: true },
    ...measuresTable.fields('m', [
      'name',
      'kind',
      'ratePercent',
      'capPerPersonYen',
      'fixedAmountYen',
      'applicationOpensOn',
      'applicationClosesOn',
      'earningStartsOn',
      'earningEndsOn',
      'eligibility',
      'cardAppliedBy',
      'minAge',
      'maxAge',
      'fundedBy',
      'budgetYen',
    ]),
    awardedYen: { sql: AWARDED, kind: 'int', sortable: false, filterable: false },
    remainingBudgetYen: { sql: '(m.budget_yen - m.awarded_yen)', kind: 'int', nullable: true },
    budgetUsedPercent: { sql: 'round(100.0 * m.awarded_yen / m.budget_yen, 1)', kind: 'decimal', nullable: true },
    budgetWarning: { sql: `(m.budget_yen IS NOT NULL AND m.awarded_yen * 100 >= m.budget_yen * ${BUDGET_WARN_AT_PERCENT})`, kind: 'bool' },
    paymentServices: {
      sql: `(SELECT coalesce(json_agg(json_build_object('paymentServiceId', s.payment_service_id, 'closesOn', s.closes_on) ORDER BY s.payment_service_id), '[]')
              FROM measure_payment_services s WHERE s.measure_id = m.id)`,
      kind: 'json',
      exportable: false,
    },
    national: { sql: '(m.municipality_code IS NULL)', kind: 'bool' },
    ...measuresTable.fields('m', ['createdAt', 'updatedAt']),
  },
  search: ['m.name'],
  defaultSort: ['applicationOpensOn', 'ASC'],
  notFound: MeasureError.NotFound,
});

export type MeasureRecord = Record<keyof typeof measuresListSpec.fields, unknown>;

/** What the rules of applications and awards read of a measure. */
export interface MeasureTerms {
  id: number;
  campaignId: number;
  name: string;
  kind: 'rate_with_cap' | 'fixed_amount';
  ratePercent: number | null;
  capPerPersonYen: number | null;
  fixedAmountYen: number | null;
  applicationOpensOn: string;
  applicationClosesOn: string;
  earningStartsOn: string;
  earningEndsOn: string;
  eligibility: string;
  cardAppliedBy: string | null;
  minAge: number | null;
  maxAge: number | null;
  budgeted: boolean;
  /** Whether its campaign takes reservations (has a reservation quota): then an application needs one. */
  reservationsTaken: boolean;
}

export interface CampaignOfMeasure {
  national: boolean;
  applicationOpensOn: string;
  applicationClosesOn: string;
  earningStartsOn: string;
  earningEndsOn: string;
}

const EXAMPLE: MeasureRow = {
  campaignId: 1,
  name: '健康保険証としての利用申込',
  kind: 'fixed_amount',
  fixedAmountYen: 7500,
  applicationOpensOn: '2022-06-30',
  applicationClosesOn: '2023-09-30',
  earningStartsOn: '2022-06-30',
  earningEndsOn: '2023-09-30',
  eligibility: 'anyone_with_card',
  fundedBy: 'national',
};

@Injectable()
export class MeasuresRepository extends ListRepository<MeasureRecord> {
  protected readonly spec = measuresListSpec;

  @GenerateSql({ params: [EXAMPLE] })
  insert(row: MeasureRow): Promise<number> {
    return this.insertRow(measuresTable, row);
  }

  @GenerateSql({ params: [1, { name: '第2弾（延長）', applicationClosesOn: '2023-05-31' }] })
  async update(id: number, changes: MeasureRow): Promise<void> {
    const p = new SqlParams();
    await this.db.query(`UPDATE measures SET ${measuresTable.set(changes, p)}, updated_at = now() WHERE id = ${p.add(id)}`, p.values);
  }

  /** Refused by the reference check while a participant is in the measure (the service says so first). */
  @GenerateSql({ params: [1] })
  async delete(id: number): Promise<void> {
    await this.db.query('DELETE FROM measures WHERE id = $1', [id]);
  }

  /** The measure's row locked (a budget's counter is read under it) with what the service checks on update. */
  @GenerateSql({ params: [1] })
  lockState(id: number): Promise<{ awardedYen: number; participants: number } | undefined> {
    return this.db.one<{ awardedYen: number; participants: number }>(
      `SELECT m.awarded_yen AS "awardedYen",
              (SELECT count(*)::int FROM participants p WHERE p.measure_id = m.id) AS participants
         FROM measures m WHERE m.id = $1 FOR UPDATE`,
      [id],
    );
  }

  @GenerateSql({ params: [1] })
  participantCount(id: number): Promise<number> {
    return this.db.one<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE measure_id = $1', [id]).then((r) => r?.n ?? 0);
  }

  @GenerateSql({ params: [1, '健康保険証', 0] })
  async nameTaken(campaignId: number, name: string, exceptId: number): Promise<boolean> {
    return Boolean(await this.db.one('SELECT 1 FROM measures WHERE campaign_id = $1 AND lower(name) = lower($2) AND id <> $3', [campaignId, name, exceptId]));
  }

  @GenerateSql({ params: [1] })
  campaign(campaignId: number): Promise<CampaignOfMeasure | undefined> {
    return this.db.one<CampaignOfMeasure>(
      `SELECT c.municipality_code IS NULL AS national,
              to_char(c.application_opens_on, 'YYYY-MM-DD') AS "applicationOpensOn", to_char(c.application_closes_on, 'YYYY-MM-DD') AS "applicationClosesOn",
              to_char(c.earning_starts_on, 'YYYY-MM-DD') AS "earningStartsOn", to_char(c.earning_ends_on, 'YYYY-MM-DD') AS "earningEndsOn"
         FROM campaigns c WHERE c.id = $1`,
      [campaignId],
    );
  }

  /** Participants who would hold more than their cap after it moves by `delta`: how many, and the most. */
  @GenerateSql({ params: [1, -1000] })
  async participantsAbove(id: number, delta: number): Promise<{ n: number; max: number | null }> {
    const [over] = await this.db.query<{ n: number; max: number | null }>('SELECT n, max FROM measure_participants_above($1, $2)', [id, delta]);
    return over;
  }

  /** Every participant's cap moves with the measure's (a carried-over one keeps its smaller room); CHECK points_total <= cap_yen stays the last line. */
  @GenerateSql({ params: [1, -1000] })
  async shiftParticipantCaps(id: number, delta: number): Promise<void> {
    await this.db.query('SELECT shift_measure_participant_caps($1, $2)', [id, delta]);
  }

  /** The services taking part, replaced as a whole. */
  @GenerateSql({ params: [1, [{ paymentServiceId: 1, closesOn: '2023-02-28' }]] })
  async setPaymentServices(id: number, services: Array<{ paymentServiceId: number; closesOn?: string | null }>): Promise<void> {
    await this.db.query('DELETE FROM measure_payment_services WHERE measure_id = $1', [id]);
    if (!services.length) return;
    await this.db.query(
      `INSERT INTO measure_payment_services (municipality_code, measure_id, payment_service_id, closes_on)
       SELECT m.municipality_code, m.id, s.id, s.closes_on
         FROM measures m, unnest($2::int[], $3::date[]) AS s(id, closes_on)
        WHERE m.id = $1`,
      [id, services.map((s) => s.paymentServiceId), services.map((s) => s.closesOn ?? null)],
    );
  }

  /** Of these payment service ids, the ones the caller cannot see (unknown). */
  @GenerateSql({ params: [[1, 2]] })
  async unknownPaymentServices(ids: number[]): Promise<number[]> {
    const rows = await this.db.query<{ id: number }>(
      'SELECT x.id FROM unnest($1::int[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM payment_services s WHERE s.id = x.id)',
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** A measure as the rules of applications and awards read it. */
  @GenerateSql({ params: [1] })
  terms(id: number): Promise<MeasureTerms | undefined> {
    return this.db.one<MeasureTerms>(
      `SELECT m.id, m.campaign_id AS "campaignId", m.name, m.kind, m.rate_percent AS "ratePercent", m.cap_per_person_yen AS "capPerPersonYen",
              m.fixed_amount_yen AS "fixedAmountYen",
              to_char(m.application_opens_on, 'YYYY-MM-DD') AS "applicationOpensOn", to_char(m.application_closes_on, 'YYYY-MM-DD') AS "applicationClosesOn",
              to_char(m.earning_starts_on, 'YYYY-MM-DD') AS "earningStartsOn", to_char(m.earning_ends_on, 'YYYY-MM-DD') AS "earningEndsOn",
              m.eligibility, to_char(m.card_applied_by, 'YYYY-MM-DD') AS "cardAppliedBy", m.min_age AS "minAge", m.max_age AS "maxAge",
              m.budget_yen IS NOT NULL AS budgeted,
              EXISTS (SELECT 1 FROM reservation_quotas q WHERE q.campaign_id = m.campaign_id) AS "reservationsTaken"
         FROM measures m WHERE m.id = $1`,
      [id],
    );
  }
}
