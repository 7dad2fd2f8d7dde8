import { Injectable } from '@nestjs/common';
import { TRANSACTION_KIND } from '@mynapoint/domain';
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
  kind: { kind: 'enum', enum: TRANSACTION_KIND, readOnly: true },
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
    LEFT JOIN campaigns pc ON pc.id = pa.campaign_id`,
  fields: {
    ...pointAwardsTable.fields('pa', ['id', 'participantId']),
    participantRef: { sql: `'****' || p.mykey_last4`, kind: 'text', sortable: false },
    paymentServiceId: { ...pointAwardsTable.field('pa', 'paymentServiceId'), exportable: false },
    paymentServiceName: { sql: 'ps.name', kind: 'text', exportOnly: true },
    campaignId: { ...pointAwardsTable.field('pa', 'campaignId'), exportable: false },
    campaignName: { sql: 'pc.name', kind: 'text', exportOnly: true },
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
     ), date_campaign AS (
       SELECT d, COALESCE(
         ${campaign},
         (SELECT c.id FROM campaigns c WHERE d BETWEEN c.earning_starts_on AND c.earning_ends_on ORDER BY c.earning_starts_on DESC, c.id DESC LIMIT 1),
         (SELECT min(c.id) FROM campaigns c HAVING count(*) = 1)
       ) AS campaign_id
       FROM dates
     ), joined AS (
       SELECT s.line, s.err, s.payment_service_id, s.external_id, s.mykey_hash, s.transaction_date, s.kind, s.amount_yen,
              dc.campaign_id, c.award_rate_percent AS rate, c.earning_starts_on, c.earning_ends_on,
              p.id AS participant_id, a.payment_service_id AS applied_service_id,
              pa.participant_id AS existing_participant_id,
              (pa.participant_id IS NOT NULL AND pa.participant_id = p.id AND pa.transaction_date = s.transaction_date
                 AND pa.kind = s.kind AND pa.amount_yen = s.amount_yen) AS existing_same
       FROM ${source}
       LEFT JOIN date_campaign dc ON dc.d = s.transaction_date
       LEFT JOIN campaigns c ON c.id = dc.campaign_id
       LEFT JOIN participants p ON p.campaign_id = dc.campaign_id AND p.mykey_hash = s.mykey_hash
       LEFT JOIN applications a ON a.participant_id = p.id
       LEFT JOIN point_awards pa ON pa.payment_service_id = s.payment_service_id AND pa.external_id = s.external_id
     ), checked AS (
       SELECT j.*,
         CASE
           WHEN j.err IS NOT NULL THEN j.err
           WHEN j.campaign_id IS NULL THEN 'campaign_unknown'
           WHEN j.existing_same THEN 'duplicate'
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
     SELECT line, payment_service_id, external_id, transaction_date, kind, amount_yen, campaign_id, rate, participant_id,
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
     SELECT cls.outcome, cls.participant_id AS "participantId", cls.campaign_id AS "campaignId", cls.rate,
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
     JOIN LATERAL (SELECT q.id, q.mykey_last4, q.cap_yen, q.points_total + pa.points AS points_total FROM participants q WHERE q.id = pa.participant_id) p ON true`,
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
     ), ins AS (
       INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points, import_id, created_by)
       SELECT participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen,
              ${cappedPoints('upto', 'base', 'room')}, $3, $4
       FROM ordered
       RETURNING participant_id, points
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

  @GenerateSql({ params: [{ ...ONE, participantId: 1, campaignId: 1, rate: 25, room: 5000 }, 1] })
  awardOne(row: OneRow & { participantId: number; campaignId: number; rate: number; room: number }, userId: number): Promise<PointAwardRecord> {
    return awardOne<PointAwardRecord>(this.prepared, row, userId, selectList(pointAwardsListSpec));
  }
}
