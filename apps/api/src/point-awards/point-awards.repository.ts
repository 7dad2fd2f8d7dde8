import { Injectable } from '@nestjs/common';
import { POINT_AWARD_KIND } from '@mynapoint/domain';
import { GenerateSql } from '../common/db/generate-sql';
import type { Sql } from '../common/db/sql-runner';
import { firstOfKey, hasRepeats } from '../common/db/staging';
import { defineTable } from '../common/db/table';
import { defineListSpec } from '../common/list/list-spec';
import { selectList } from '../common/list/list-sql';
import { PointAwardError } from './point-award.exception';
import { ListRepository } from '../common/list/list-repository';

// Every statement of the point-awards feature: the list, and the award engine that
// both a single create and an operator report's import run.

// Written only by the engine below (its INSERT … SELECT names the columns it computes).
export const pointAwardsTable = defineTable('point_awards', {
  id: { kind: 'int', readOnly: true },
  participantId: { kind: 'int', readOnly: true },
  paymentServiceId: { kind: 'int', readOnly: true },
  campaignId: { kind: 'int', readOnly: true },
  externalId: { kind: 'text', readOnly: true },
  transactionDate: { kind: 'date', readOnly: true },
  kind: { kind: 'enum', enum: POINT_AWARD_KIND, readOnly: true },
  amountYen: { kind: 'int', readOnly: true },
  points: { kind: 'int', readOnly: true },
  importId: { kind: 'int', nullable: true, readOnly: true },
  createdBy: { kind: 'int', nullable: true, readOnly: true },
  createdAt: { kind: 'instant', readOnly: true },
});

export const pointAwardsListSpec = defineListSpec({
  resource: 'point-awards',
  from: 'point_awards pa JOIN participants p ON p.id = pa.participant_id',
  // The names an export shows instead of ids (export-only: the responses keep their
  // shape): LEFT JOINs on keys of two small tables, a hash join each on millions of rows.
  exportJoins: `LEFT JOIN payment_services ps ON ps.id = pa.payment_service_id
    LEFT JOIN campaigns pc ON pc.id = pa.campaign_id
    LEFT JOIN measures pm ON pm.id = p.measure_id`,
  fields: {
    ...pointAwardsTable.fields('pa', ['id', 'participantId']),
    participantRef: { sql: `'****' || p.mykey_last4`, kind: 'text', sortable: false },
    paymentServiceId: { ...pointAwardsTable.field('pa', 'paymentServiceId'), exportable: false },
    paymentServiceName: { sql: 'ps.name', kind: 'text', exportOnly: true },
    campaignId: { ...pointAwardsTable.field('pa', 'campaignId'), exportable: false },
    campaignName: { sql: 'pc.name', kind: 'text', exportOnly: true },
    // The participant's measure (a participant is one person in one measure).
    measureId: { sql: 'p.measure_id', kind: 'int', exportable: false },
    measureName: { sql: 'pm.name', kind: 'text', exportOnly: true },
    ...pointAwardsTable.fields('pa', ['externalId', 'transactionDate', 'kind', 'amountYen', 'points', 'importId']),
    createdBy: { ...pointAwardsTable.field('pa', 'createdBy'), exportable: false },
    ...pointAwardsTable.fields('pa', ['createdAt']),
    // The participant's standing, for the ledger and the "cap reached" filter.
    participantPointsTotal: { sql: 'p.points_total', kind: 'int' },
    capYen: { sql: 'p.cap_yen', kind: 'int' },
    capReached: { sql: '(p.points_total >= p.cap_yen)', kind: 'bool' },
  },
  search: ['pa.external_id', 'p.mykey_last4'],
  defaultSort: ['transactionDate', 'DESC'],
  notFound: PointAwardError.NotFound,
  // Every award has its participant (NOT NULL foreign key to the participant's key).
  count: { from: 'point_awards pa', alias: 'pa' },
});

export type PointAwardRecord = Record<keyof typeof pointAwardsListSpec.fields, unknown> & { id: number };

// Point awards, set-based. Rows are staged in `pa_stage` (by the import's COPY or by
// the demo seed), classified in one statement into a table of outcomes (`pa_cls`:
// temporary, or an unlogged table an import's parallel workers share), and applied
// participant by participant under row locks (a single create runs the same
// classification and points on its one row in two statements: `classifyOne`):
//
//   1. lock the participants of a chunk: SELECT … ORDER BY id FOR UPDATE (one
//      order for everyone, so parallel imports never deadlock; a single create
//      locks one participant only);
//   2. in one statement, on top of each participant's points_total as it is now:
//      base = floor(amount × rate / 100)
//      upto = running Σ base per participant, ordered by (transaction_date, external_id)
//      points = min(upto, room) − min(upto − base, room),  room = cap − points_total
//      insert the awards and add their points to points_total;
//   3. CHECK (points_total <= cap_yen) is the last line.
//
// Points already granted are never taken back: a transaction that arrives after
// others (in a later file or request) gets min(its floor, what is left). So the law,
// whatever the batches, their order and their concurrency, is
//   points_total = min(Σ floor(amount × rate / 100), cap)   per participant.

export const STAGE_COLUMNS = [
  ['payment_service_id', 'int'],
  ['external_id', 'text'],
  ['mykey_hash', 'bytea'],
  ['transaction_date', 'date'],
  ['kind', 'text'],
  ['amount_yen', 'bigint'],
] as const;

/** `pa_stage`: (line, err) and the columns above. `transient`: dropped at the end of the transaction. */
export function createStage(sql: Sql, transient: boolean): Promise<unknown> {
  return sql(
    `CREATE TEMP TABLE pa_stage (line int NOT NULL, err text, ${STAGE_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})${transient ? ' ON COMMIT DROP' : ''}`,
  );
}

/**
 * Every staged row gets an outcome: a row error code, `duplicate` (the same
 * transaction is already recorded: a re-import), or `pending` (to be awarded).
 * The campaign of a row is the one chosen at upload, else the latest whose earning
 * period holds the transaction date, else the only campaign there is.
 */
export async function classify(sql: Sql, opts: { campaignId: number | null; into?: string; transient: boolean }): Promise<void> {
  const repeats = await hasRepeats(sql, 'pa_stage', 'payment_service_id, external_id');
  // Transient: a temporary table dropped at commit. Otherwise an unlogged table other
  // connections of the same import can read (it holds no MyKey ID, hashed or not).
  const create = opts.transient ? 'CREATE TEMP TABLE pa_cls ON COMMIT DROP' : `CREATE UNLOGGED TABLE ${opts.into ?? 'pa_cls'}`;
  await sql(`${create} AS ${classification('pa_stage s', '$1::int', repeats)}`, [opts.campaignId]);
}

/**
 * The classification as one SELECT over `source`, a relation aliased `s` with the
 * columns of `pa_stage` (the table itself for imports, a one-row VALUES for a single
 * create), so both run the same rules. `campaign`: an SQL int, the campaign chosen
 * at upload or NULL. `repeats`: whether a transaction id may occur twice in the source.
 * Columns: line, payment_service_id, external_id, transaction_date, kind, amount_yen,
 * campaign_id, rate, participant_id, outcome.
 */
export function classification(source: string, campaign: string, repeats: boolean): string {
  return `WITH dates AS (
       SELECT DISTINCT s.transaction_date AS d FROM ${source} WHERE s.err IS NULL
     ), cand AS (
       -- The rate measures a transaction of that date may fall to, best first: those of
       -- the campaign chosen at upload, else those whose earning period holds the date,
       -- else the only rate measure there is (its period then refuses the row).
       SELECT d.d, m.id AS measure_id, m.campaign_id, m.rate_percent AS rate, m.earning_starts_on, m.earning_ends_on,
              row_number() OVER (PARTITION BY d.d ORDER BY (d.d BETWEEN m.earning_starts_on AND m.earning_ends_on) DESC, m.earning_starts_on DESC, m.id DESC) AS prio
       FROM dates d JOIN measures m ON m.kind = 'rate_with_cap' AND CASE
         WHEN ${campaign} IS NOT NULL THEN m.campaign_id = ${campaign}
         ELSE d.d BETWEEN m.earning_starts_on AND m.earning_ends_on OR (SELECT count(*) FROM measures x WHERE x.kind = 'rate_with_cap') = 1
       END
     ), hit AS (
       -- The person's row in one of them: the one they applied to this service in first
       -- (a person is one row per measure, e.g. Round 2's first measure and a city's own).
       SELECT DISTINCT ON (s.line) s.line, c.measure_id, c.campaign_id, c.rate, c.earning_starts_on, c.earning_ends_on,
              p.id AS participant_id, a.payment_service_id AS applied_service_id
       FROM ${source}
       JOIN cand c ON c.d = s.transaction_date
       JOIN participants p ON p.measure_id = c.measure_id AND p.mykey_hash = s.mykey_hash
       LEFT JOIN applications a ON a.participant_id = p.id
       WHERE s.err IS NULL
       ORDER BY s.line, (a.payment_service_id IS NOT DISTINCT FROM s.payment_service_id) DESC, c.prio
     ), joined AS (
       SELECT s.line, s.err, s.payment_service_id, s.external_id, s.mykey_hash, s.transaction_date, s.kind, s.amount_yen,
              coalesce(h.measure_id, c1.measure_id) AS measure_id, coalesce(h.campaign_id, c1.campaign_id) AS campaign_id,
              coalesce(h.rate, c1.rate) AS rate, coalesce(h.earning_starts_on, c1.earning_starts_on) AS earning_starts_on,
              coalesce(h.earning_ends_on, c1.earning_ends_on) AS earning_ends_on,
              h.participant_id, h.applied_service_id,
              pa.participant_id AS existing_participant_id,
              (pa.participant_id IS NOT NULL AND pa.participant_id = h.participant_id AND pa.transaction_date = s.transaction_date
                 AND pa.kind = s.kind AND pa.amount_yen = s.amount_yen) AS existing_same
       FROM ${source}
       LEFT JOIN hit h ON h.line = s.line
       LEFT JOIN cand c1 ON c1.d = s.transaction_date AND c1.prio = 1
       LEFT JOIN point_awards pa ON pa.payment_service_id = s.payment_service_id AND pa.external_id = s.external_id
     ), checked AS (
       SELECT j.*,
         CASE
           WHEN j.err IS NOT NULL THEN j.err
           WHEN j.measure_id IS NULL THEN 'campaign_unknown'
           WHEN j.existing_same THEN 'duplicate'
           -- Known from an earlier round, not applied to the measure of this date (a 2022
           -- charge of a Round 1 applicant): say so, rather than "unknown".
           WHEN j.participant_id IS NULL AND EXISTS (
             SELECT 1 FROM participants q JOIN measures qm ON qm.id = q.measure_id
             WHERE q.mykey_hash = j.mykey_hash AND qm.earning_starts_on < j.transaction_date) THEN 'not_applied_to_measure'
           WHEN j.participant_id IS NULL THEN 'participant_unknown'
           WHEN j.applied_service_id IS DISTINCT FROM j.payment_service_id THEN 'not_applied_to_service'
           WHEN j.transaction_date NOT BETWEEN j.earning_starts_on AND j.earning_ends_on THEN 'outside_earning_period'
           WHEN j.existing_participant_id IS NOT NULL THEN 'external_id_conflict'
           ELSE 'ok'
         END AS pre
       FROM joined j
     ), ranked AS (
       -- Within the file, the first acceptable row of a transaction id counts; a later
       -- row is a duplicate when it says the same, an error when it does not.
       SELECT ch.*, ${firstOfKey(repeats, 'ROW(participant_id, transaction_date, kind, amount_yen)', 'w')}
       FROM checked ch
       WINDOW w AS (PARTITION BY payment_service_id, external_id, pre = 'ok' ORDER BY line)
     )
     SELECT line, payment_service_id, external_id, transaction_date, kind, amount_yen, campaign_id, measure_id, rate, participant_id,
            CASE
              WHEN pre <> 'ok' THEN pre
              WHEN first_line = line THEN 'pending'
              WHEN first_row = ROW(participant_id, transaction_date, kind, amount_yen) THEN 'duplicate'
              ELSE 'external_id_repeated_in_file'
            END AS outcome
     FROM ranked`;
}

/**
 * The points of an award, in SQL: `base` = floor(amount × rate / 100), `upto` the
 * running Σ base of the participant's awards in this batch up to this one, `room` =
 * cap − points_total before the batch. The batch gets min(Σ base, room) in all, in
 * order; for a single award (upto = base) this is min(base, room).
 */
export function basePoints(amount: string, rate: string): string {
  return `(${amount} * ${rate} / 100)`;
}
export function cappedPoints(upto: string, base: string, room: string): string {
  return `(LEAST(${upto}, ${room}) - LEAST(${upto} - ${base}, ${room}))::int`;
}

// One row (a single create), in two statements of the request's transaction instead
// of the staged path's temporary tables: the same classification over a one-row
// VALUES, which also locks the participant; then the award.

/** The row to classify, in `pa_stage`'s columns (the MyKey ID as its hash). */
export interface OneRow {
  paymentServiceId: number;
  externalId: string;
  mykeyHash: Buffer;
  transactionDate: string;
  kind: string;
  amountYen: number;
}

export interface OneOutcome {
  outcome: string;
  measureId: number | null;
  /** Whether the measure keeps a budget (then its take decides what the award gets). */
  budgeted: boolean;
  /** Whether the payment service exists (the row's other checks cannot tell it from "not applied"). */
  serviceKnown: boolean;
  participantId: number | null;
  campaignId: number | null;
  rate: number | null;
  /** cap − points_total under the participant's lock; only for a pending row. */
  room: number | null;
}

const ONE_ROW = `(VALUES (1, NULL::text, ${STAGE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})) AS s(line, err, ${STAGE_COLUMNS.map(([n]) => n).join(', ')})`;

/**
 * Classifies one row and, when it is to be awarded, locks its participant (one row
 * lock per request: no lock order to keep) and reads its room. The lock is taken in a
 * scalar subquery evaluated only for a pending row; in READ COMMITTED a locking read
 * that waited returns the latest committed version, so the room is the current one.
 */
export async function classifyOne(sql: Sql, row: OneRow): Promise<OneOutcome> {
  const [out] = await sql<OneOutcome>(
    `WITH cls AS (${classification(ONE_ROW, 'NULL::int', false)})
     SELECT cls.outcome, cls.participant_id AS "participantId", cls.campaign_id AS "campaignId", cls.measure_id AS "measureId", cls.rate,
            EXISTS (SELECT 1 FROM measures m WHERE m.id = cls.measure_id AND m.budget_yen IS NOT NULL) AS budgeted,
            EXISTS (SELECT 1 FROM payment_services ps WHERE ps.id = $1) AS "serviceKnown",
            CASE WHEN cls.outcome = 'pending'
                 THEN (SELECT p.cap_yen - p.points_total FROM participants p WHERE p.id = cls.participant_id FOR UPDATE)
            END AS room
     FROM cls`,
    [row.paymentServiceId, row.externalId, row.mykeyHash, row.transactionDate, row.kind, row.amountYen],
  );
  return out;
}

/**
 * Awards one pending row (under the lock `classifyOne` took) in one statement: the
 * award, with the points of `award()` for a batch of one, the participant's new total,
 * and the record as `select` reads it from `point_awards pa JOIN participants p`.
 * The outer SELECT sees the participant as before the statement, so its `p` is the
 * row with the new total added (the columns the list spec reads: a field on another
 * participant column fails this statement, in every create test).
 */
export async function awardOne<T>(
  sql: Sql,
  row: OneRow & { participantId: number; campaignId: number; rate: number; room: number },
  userId: number,
  select: string,
): Promise<T> {
  const base = basePoints('$7::bigint', '$8::int');
  const [record] = await sql<T>(
    `WITH ins AS (
       INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points, import_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint, ${cappedPoints(base, base, '$9::int')}, NULL, $10)
       RETURNING *
     ), total AS (
       UPDATE participants p SET points_total = p.points_total + ins.points
       FROM ins WHERE p.id = ins.participant_id AND ins.points > 0
     )
     SELECT ${select}
     FROM ins pa
     JOIN LATERAL (SELECT q.id, q.measure_id, q.mykey_last4, q.cap_yen, q.points_total + pa.points AS points_total FROM participants q WHERE q.id = pa.participant_id) p ON true`,
    [row.participantId, row.campaignId, row.paymentServiceId, row.externalId, row.transactionDate, row.kind, row.amountYen, row.rate, row.room, userId],
  );
  return record;
}

/**
 * Participant-id ranges (lo, hi] holding about `rows` pending rows each; their number
 * a multiple of `workers`, so the last round of a parallel apply keeps every worker
 * busy. A participant's rows are never split between ranges. The bounds are
 * percentiles of the pending rows' participant ids (one sort of a column of ints).
 */
export async function chunks(sql: Sql, rows: number, cls = 'pa_cls', workers = 1): Promise<Array<[number, number]>> {
  const [{ pending }] = await sql<{ pending: number }>(`SELECT count(*)::int AS pending FROM ${cls} WHERE outcome = 'pending'`);
  if (!pending) return [];
  const n = Math.ceil(Math.ceil(pending / Math.max(1, rows)) / workers) * workers;
  const his = await sql<{ hi: number }>(
    `SELECT DISTINCT unnest(percentile_disc(ARRAY(SELECT k::float8 / $1 FROM generate_series(1, $1) k)) WITHIN GROUP (ORDER BY participant_id)) AS hi
     FROM ${cls} WHERE outcome = 'pending' ORDER BY hi`,
    [n],
  );
  const out: Array<[number, number]> = [];
  let lo = 0;
  for (const { hi } of his) {
    out.push([lo, hi]);
    lo = hi;
  }
  return out;
}

/** Step 1: lock the chunk's participants, in id order. */
export function lockParticipants(sql: Sql, [lo, hi]: [number, number], cls = 'pa_cls'): Promise<unknown> {
  return sql(
    `SELECT p.id FROM participants p
     WHERE p.id IN (SELECT participant_id FROM ${cls} WHERE outcome = 'pending' AND participant_id > $1 AND participant_id <= $2)
     ORDER BY p.id FOR UPDATE`,
    [lo, hi],
  );
}

/**
 * Step 2 (under the locks of step 1): award the chunk's pending rows on top of each
 * participant's current total. Once the transaction commits, the chunk's pending
 * rows are the accepted ones (they are not rewritten to say so: a million-row
 * report would pay for it).
 */
/** `by`: the import the rows come from, or the user who created a single award (imported rows name their import only). */
export async function award(sql: Sql, [lo, hi]: [number, number], by: { importId: number | null; userId: number | null }, cls = 'pa_cls'): Promise<void> {
  await sql(
    `WITH src AS (
       SELECT c.*, ${basePoints('c.amount_yen', 'c.rate')} AS base, p.cap_yen - p.points_total AS room
       FROM ${cls} c JOIN participants p ON p.id = c.participant_id
       WHERE c.outcome = 'pending' AND c.participant_id > $1 AND c.participant_id <= $2
     ), ordered AS (
       SELECT src.*, sum(base) OVER (PARTITION BY participant_id ORDER BY transaction_date, external_id ROWS UNBOUNDED PRECEDING) AS upto
       FROM src
     ), capped AS (
       SELECT ordered.*, ${cappedPoints('upto', 'base', 'room')} AS pts FROM ordered
     ), budget AS MATERIALIZED (
       -- A budgeted measure's row, locked after the participants (every writer's order):
       -- what is left of its budget as committed now.
       SELECT m.id, m.budget_yen - m.awarded_yen AS left_yen FROM measures m
       WHERE m.budget_yen IS NOT NULL AND m.id IN (SELECT DISTINCT measure_id FROM src)
       FOR UPDATE
     ), cut AS (
       -- Within a budget, awards in (participant, date, transaction) order until it is
       -- spent; the one that crosses it is cut to what remains, later ones get 0.
       SELECT capped.*, CASE WHEN b.id IS NULL THEN capped.pts
         ELSE GREATEST(0, LEAST(capped.pts, b.left_yen - (sum(capped.pts) OVER (PARTITION BY capped.measure_id ORDER BY capped.participant_id, capped.transaction_date, capped.external_id ROWS UNBOUNDED PRECEDING) - capped.pts)))::int
         END AS points
       FROM capped LEFT JOIN budget b ON b.id = capped.measure_id
     ), ins AS (
       INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points, import_id, created_by)
       SELECT participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points, $3, $4
       FROM cut
       RETURNING participant_id, points
     ), spent AS (
       UPDATE measures m SET awarded_yen = m.awarded_yen + t.points
       FROM (SELECT measure_id, sum(points) AS points FROM cut GROUP BY measure_id HAVING sum(points) > 0) t, budget b
       WHERE m.id = t.measure_id AND b.id = m.id
     )
     -- A participant already at the cap gets awards of 0 points: its row is left as it
     -- is (a new row version and its index entries would change nothing).
     UPDATE participants p SET points_total = p.points_total + t.points
     FROM (SELECT participant_id, sum(points)::int AS points FROM ins GROUP BY participant_id HAVING sum(points) > 0) t
     WHERE p.id = t.participant_id`,
    [lo, hi, by.importId, by.userId],
  );
}

/**
 * After a unique violation (the same transaction id was recorded by someone else
 * since classification): classify the chunk's pending rows against what is there now.
 */
export function reclassifyDuplicates(sql: Sql, [lo, hi]: [number, number], cls = 'pa_cls'): Promise<unknown> {
  return sql(
    `UPDATE ${cls} c SET outcome = CASE
       WHEN pa.participant_id = c.participant_id AND pa.transaction_date = c.transaction_date AND pa.kind = c.kind AND pa.amount_yen = c.amount_yen
       THEN 'duplicate' ELSE 'external_id_conflict' END
     FROM point_awards pa
     WHERE c.outcome = 'pending' AND c.participant_id > $1 AND c.participant_id <= $2
       AND pa.payment_service_id = c.payment_service_id AND pa.external_id = c.external_id`,
    [lo, hi],
  );
}

/** Everything in one go, inside the caller's transaction (single creates and the seed). */
export async function applyAll(sql: Sql, by: { importId: number | null; userId: number | null }): Promise<void> {
  const all: [number, number] = [0, 2_147_483_647];
  await lockParticipants(sql, all);
  await award(sql, all, by);
}

const ONE: OneRow = { paymentServiceId: 1, externalId: 'TX-1', mykeyHash: Buffer.alloc(32), transactionDate: '2020-09-05', kind: 'charge', amountYen: 2000 };

export interface Registrant {
  participantId: number;
  campaignId: number;
  paymentServiceId: number | null;
  room: number;
  registered: boolean;
}

/** The request path: reads, and a single award by the engine's rules. */
@Injectable()
export class PointAwardsRepository extends ListRepository<PointAwardRecord> {
  protected readonly spec = pointAwardsListSpec;

  // Prepared statements: their plans are kept per connection (QueryOptions.prepared).
  private readonly prepared: Sql = (text, params) => this.db.query(text, params, { prepared: true });

  @GenerateSql({ params: [ONE] })
  classifyOne(row: OneRow): Promise<OneOutcome> {
    return classifyOne(this.prepared, row);
  }

  /**
   * A person's row in a fixed measure, locked, with the service they applied with and
   * whether they had its registration award already (undefined: no row in the measure).
   */
  @GenerateSql({ params: [Buffer.alloc(32), 1] })
  lockRegistrant(hash: Buffer, measureId: number): Promise<Registrant | undefined> {
    return this.db.one<Registrant>(
      `SELECT p.id AS "participantId", p.campaign_id AS "campaignId", a.payment_service_id AS "paymentServiceId", p.cap_yen - p.points_total AS room,
              EXISTS (SELECT 1 FROM point_awards x WHERE x.participant_id = p.id AND x.kind = 'registration') AS registered
         FROM participants p LEFT JOIN applications a ON a.participant_id = p.id
        WHERE p.mykey_hash = $1 AND p.measure_id = $2
        FOR UPDATE OF p`,
      [hash, measureId],
    );
  }

  /** The budget's take (take_measure_budget): the yen granted, all or (with \`cut\`) what remains, 0 when none. */
  @GenerateSql({ params: [1, 2000, false] })
  async takeBudget(measureId: number, yen: number, cut: boolean): Promise<number> {
    const [row] = await this.db.query<{ taken: number }>('SELECT take_measure_budget($1, $2, $3) AS taken', [measureId, yen, cut]);
    return row.taken;
  }

  @GenerateSql({ params: [{ ...ONE, participantId: 1, campaignId: 1, rate: 25, room: 5000 }, 1] })
  awardOne(row: OneRow & { participantId: number; campaignId: number; rate: number; room: number }, userId: number): Promise<PointAwardRecord> {
    return awardOne<PointAwardRecord>(this.prepared, row, userId, selectList(pointAwardsListSpec));
  }
}
