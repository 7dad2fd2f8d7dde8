import { MigrationInterface, QueryRunner } from 'typeorm';
import { removalFunctionSql } from './1764001810000-remove-municipality-data';
import { ORDER_WITH_DESKS } from './1764002500000-support-desks';

// measure_stats: per municipality × measure, the figures of GET /api/stats/measures,
//   applications              participants with an application
//   participants_with_points  participants with points_total > 0
//   participants_at_cap       participants with points_total >= cap_yen
//   points_yen                Σ points_total
//   awards                    point awards, 0-point ones included
// The endpoint aggregated the base tables on every call (1,000,000 participants left-
// joined to their applications, 5,000,000 awards joined to their participants: 4.2–4.6 s
// at the bench's city scale). It now reads this table, a row per measure.
//
// Kept like every rollup (1764000700000): STATEMENT-level AFTER triggers with transition
// tables, one aggregate upsert per trigger and statement in key order, rows brought to
// zero removed by the ctid the upsert returns, a TRUNCATE trigger, and stats_rebuild()
// recomputes it (the previous one is kept as stats_rebuild_without_measures() and called
// first). Two base tables feed it:
//   - participants (insert, update, delete): every count but the awards. "Applied" is the
//     participant's payment_service_id, the copy of its application's that the copy
//     triggers of 1764001300000 keep (one application per participant), so an
//     application's insert or delete reaches this table through that copy's UPDATE of
//     the participant. A participant without application and points counts nowhere, so
//     a reservation's participant (insert, delete) touches no row of this table.
//   - point_awards (insert, update, delete): the awards, each to its participant's
//     measure, read by the participant's key (one index probe per participant of the
//     statement, never a scan of the table).
// A measure's figures are spread over SLOTS rows by participant id (slot = id % SLOTS):
// every award and application of a measure takes its row until the transaction commits,
// so with one row per measure a municipality's writers of a measure queued for it one at
// a time; a participant's writes always meet the same slot. The endpoint sums the slots.
// A participant's measure is set on insert; an UPDATE that moves one (only a migration
// does) also moves its awards, by a row trigger that fires only then.
//
// Lock order. A measure's row is shared by every write of the measure in the
// municipality. A writer takes it after the records it writes or references and before
// any other rollup row of its statement (triggers of one event fire in name order):
//   - an award: the ledger's check (point_awards_refs_*) locks the participant and the
//     application, shared; then point_awards_stats_by_measure_* takes the measure rows,
//     then point_awards_stats_* the day rows. The participants' UPDATE of the same
//     statement (the points) fires after the insert's triggers (the insert's CTE ends
//     first) and finds its measure rows held; participants_stats_by_measure_* fires
//     before participants_stats_* (the buckets);
//   - an application's insert or delete holds the application's row; its copy trigger
//     (applications_participant_copy_*) fires before applications_stats_*, and the
//     participants' UPDATE it makes takes the measure row;
//   - a cap change: the participants' UPDATE, the measure rows before the buckets.
// The API and the imports lock the participant first (a budgeted measure's row after it).
// So every writer goes participant → application → measure_stats rows in key order →
// the other rollups, and two writers never wait on each other in a cycle. A reservation
// never touches this table (its participant has no application and no points).

const KEY = 'municipality_code, measure_id, slot';
const SLOTS = 16;
const SLOT = (participantId: string) => `(${participantId} % ${SLOTS})::smallint`;
const VALUES = ['applications', 'participants_with_points', 'participants_at_cap', 'points_yen', 'awards'];
const ME = '(SELECT current_municipality())';
const STATS_SCOPE = '(SELECT stats_municipalities())::char(6)[]';
/** The removal's order: after the records it counts, with the other rollups. */
const ORDER_WITH_MEASURE_STATS = ORDER_WITH_DESKS.flatMap((t) => (t === 'participant_point_stats' ? [t, 'measure_stats'] : [t]));

/** Delta rows (KEY, VALUES) of participants; the ones counting nowhere are left out. */
const participantRows = (table: string, sign: 1 | -1) => `
  SELECT municipality_code, measure_id, ${SLOT('id')} AS slot,
         ${sign} * (payment_service_id IS NOT NULL)::int AS applications,
         ${sign} * (points_total > 0)::int AS participants_with_points,
         ${sign} * (points_total >= cap_yen)::int AS participants_at_cap,
         ${sign} * points_total::bigint AS points_yen,
         0 AS awards
  FROM ${table} WHERE payment_service_id IS NOT NULL OR points_total > 0`;

/** Delta rows of point awards: counted per participant first, then one probe of the participant's key each. */
const awardRows = (table: string, sign: 1 | -1) => `
  SELECT p.municipality_code, p.measure_id, ${SLOT('p.id')} AS slot, 0 AS applications, 0 AS participants_with_points, 0 AS participants_at_cap,
         0::bigint AS points_yen, ${sign} * n.awards AS awards
  FROM (SELECT municipality_code, participant_id, count(*)::int AS awards FROM ${table} GROUP BY municipality_code, participant_id) n
  JOIN participants p ON p.municipality_code = n.municipality_code AND p.id = n.participant_id`;

/** One aggregate upsert in key order; the rows it brings to zero are removed by their ctid (rows this statement holds locked). */
const upsert = (source: string) => `
  WITH up AS (
    INSERT INTO measure_stats AS s (${KEY}, ${VALUES.join(', ')})
    SELECT ${KEY}, ${VALUES.map((v) => `sum(${v})`).join(', ')}
    FROM (${source}) d
    GROUP BY ${KEY}
    HAVING ${VALUES.map((v) => `sum(${v}) <> 0`).join(' OR ')}
    ORDER BY ${KEY}
    ON CONFLICT ON CONSTRAINT measure_stats_pkey
    DO UPDATE SET ${VALUES.map((v) => `${v} = s.${v} + EXCLUDED.${v}`).join(', ')}
    RETURNING s.ctid AS row_id, ${VALUES.map((v) => `s.${v}`).join(', ')})
  SELECT array_agg(row_id) INTO gone FROM up WHERE ${VALUES.map((v) => `${v} = 0`).join(' AND ')};
  DELETE FROM measure_stats WHERE ctid = ANY(gone);`;

/** A statement trigger's function: each branch names only the transition tables its trigger has. */
const syncFunction = (name: string, rows: (table: string, sign: 1 | -1) => string, settings = '') => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql
  -- As the other rollups' functions: the planner knows nothing of a transition table, and
  -- a 200k-row statement would otherwise sort on disk and JIT-compile.
  SET jit = off SET work_mem = '64MB' ${settings} AS $fn$
  DECLARE gone tid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${upsert(rows('new_rows', 1))}
    ELSIF TG_OP = 'DELETE' THEN
      ${upsert(rows('old_rows', -1))}
    ELSE
      ${upsert(`${rows('new_rows', 1)} UNION ALL ${rows('old_rows', -1)}`)}
    END IF;
    RETURN NULL;
  END $fn$;`;

const statementTriggers = (table: string, fn: string) => `
  CREATE TRIGGER ${table}_stats_by_measure_insert AFTER INSERT ON ${table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${table}_stats_by_measure_update AFTER UPDATE ON ${table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${table}_stats_by_measure_delete AFTER DELETE ON ${table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${table}_stats_by_measure_truncate AFTER TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION measure_stats_truncate();`;

const REBUILD = `
  INSERT INTO measure_stats (${KEY}, ${VALUES.join(', ')})
  SELECT ${KEY}, ${VALUES.map((v) => `sum(${v})`).join(', ')}
  FROM (${participantRows('participants', 1)} UNION ALL ${awardRows('point_awards', 1)}) d
  GROUP BY ${KEY};`;

export class MeasureStats1764002620000 implements MigrationInterface {
  name = 'MeasureStats1764002620000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- No CHECK (>= 0) on the counts: INSERT … ON CONFLICT checks the proposed (negative) delta row.
      CREATE TABLE measure_stats (
        municipality_code        char(6) NOT NULL,
        measure_id               int NOT NULL,
        slot                     smallint NOT NULL CHECK (slot >= 0 AND slot < ${SLOTS}),
        applications             int NOT NULL,
        participants_with_points int NOT NULL,
        participants_at_cap      int NOT NULL,
        points_yen               bigint NOT NULL,
        awards                   int NOT NULL,
        CONSTRAINT measure_stats_pkey PRIMARY KEY (${KEY})
      );

      ${syncFunction('participants_measure_stats_sync', participantRows)}
      -- Each participant by its key, not a hash of the whole table: the cost follows the statement.
      ${syncFunction('point_awards_measure_stats_sync', awardRows, 'SET enable_hashjoin = off SET enable_mergejoin = off')}

      -- A participant moved to another measure takes its awards along.
      CREATE FUNCTION participants_measure_stats_move() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE gone tid[];
      BEGIN
        ${upsert(`
          SELECT v.municipality_code, v.measure_id, ${SLOT('NEW.id')} AS slot, 0 AS applications, 0 AS participants_with_points, 0 AS participants_at_cap,
                 0::bigint AS points_yen, v.sign * n.awards AS awards
          FROM (SELECT count(*)::int AS awards FROM point_awards pa WHERE pa.municipality_code = NEW.municipality_code AND pa.participant_id = NEW.id) n
          CROSS JOIN (VALUES (NEW.municipality_code, NEW.measure_id, 1), (OLD.municipality_code, OLD.measure_id, -1)) v(municipality_code, measure_id, sign)`)}
        RETURN NULL;
      END $fn$;

      -- After a TRUNCATE of a base table: recomputed from what is left.
      CREATE FUNCTION measure_stats_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE measure_stats;
        ${REBUILD}
        RETURN NULL;
      END $fn$;

      ${statementTriggers('participants', 'participants_measure_stats_sync')}
      ${statementTriggers('point_awards', 'point_awards_measure_stats_sync')}
      CREATE TRIGGER participants_stats_by_measure_move AFTER UPDATE OF measure_id ON participants
        FOR EACH ROW WHEN (OLD.measure_id IS DISTINCT FROM NEW.measure_id) EXECUTE FUNCTION participants_measure_stats_move();

      ALTER FUNCTION stats_rebuild() RENAME TO stats_rebuild_without_measures;
      CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM stats_rebuild_without_measures();
        TRUNCATE measure_stats;
        ${REBUILD}
        ANALYZE measure_stats;
      END $fn$;

      ${REBUILD}
      ANALYZE measure_stats;

      -- A municipality's own rows, and a prefecture's municipalities' for reading, like every rollup.
      ALTER TABLE measure_stats ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant ON measure_stats USING (municipality_code = ${ME}) WITH CHECK (municipality_code = ${ME});
      CREATE POLICY prefecture_read ON measure_stats FOR SELECT USING (municipality_code = ANY (${STATS_SCOPE}));
    `);
    await q.query(removalFunctionSql(ORDER_WITH_MEASURE_STATS));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(removalFunctionSql(ORDER_WITH_DESKS));
    await q.query(`
      DROP FUNCTION stats_rebuild();
      ALTER FUNCTION stats_rebuild_without_measures() RENAME TO stats_rebuild;
      DROP TRIGGER participants_stats_by_measure_move ON participants;
      ${['participants', 'point_awards']
        .map((t) => ['insert', 'update', 'delete', 'truncate'].map((op) => `DROP TRIGGER ${t}_stats_by_measure_${op} ON ${t};`).join('\n'))
        .join('\n')}
      DROP FUNCTION measure_stats_truncate();
      DROP FUNCTION participants_measure_stats_move();
      DROP FUNCTION point_awards_measure_stats_sync();
      DROP FUNCTION participants_measure_stats_sync();
      DROP TABLE measure_stats;
    `);
  }
}
