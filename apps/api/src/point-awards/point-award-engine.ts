import type { Sql } from '../common/db/sql-runner';
import { firstOfKey, hasRepeats } from '../common/db/staging';

// Point awards, set-based. Rows are staged in `pa_stage` (by the import's COPY, by
// the single-create endpoint, or by the demo seed), classified in one statement into
// a table of outcomes (`pa_cls`: temporary, or an unlogged table an import's
// parallel workers share), and applied participant by participant under row locks:
//
//   1. lock the participants of a chunk: SELECT … ORDER BY id FOR UPDATE (one
//      order for everyone, so parallel imports and single creates never deadlock);
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
  await sql(
    `${create} AS
     WITH dates AS (
       SELECT DISTINCT transaction_date AS d FROM pa_stage WHERE err IS NULL
     ), date_campaign AS (
       SELECT d, COALESCE(
         $1::int,
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
       FROM pa_stage s
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
     FROM ranked`,
    [opts.campaignId],
  );
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
       SELECT c.*, (c.amount_yen * c.rate / 100) AS base, p.cap_yen - p.points_total AS room
       FROM ${cls} c JOIN participants p ON p.id = c.participant_id
       WHERE c.outcome = 'pending' AND c.participant_id > $1 AND c.participant_id <= $2
     ), ordered AS (
       SELECT src.*, sum(base) OVER (PARTITION BY participant_id ORDER BY transaction_date, external_id ROWS UNBOUNDED PRECEDING) AS upto
       FROM src
     ), ins AS (
       INSERT INTO point_awards (participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen, points, import_id, created_by)
       SELECT participant_id, campaign_id, payment_service_id, external_id, transaction_date, kind, amount_yen,
              (LEAST(upto, room) - LEAST(upto - base, room))::int, $3, $4
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
