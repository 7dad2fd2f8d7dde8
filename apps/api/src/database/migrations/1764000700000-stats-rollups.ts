import { MigrationInterface, QueryRunner } from 'typeorm';

// The dashboard's rollups (GET /api/stats/summary, /uptake, /points). The stats
// endpoints read only these small tables, never the million-row ones:
//
//   uptake_daily_stats              reservations and applications per campaign × JST day
//                                   × one dimension: (channel, c), (age_band, a) or
//                                   (district, d); each write counts once in each of the
//                                   three (an application takes the age band and
//                                   district of its reservation). Three thin breakdowns
//                                   instead of their product keep the table small
//                                   (days × (3 + 8 + districts)) whatever the districts.
//   application_service_daily_stats applications per campaign × JST day × payment service
//   point_award_daily_stats         points and awards per campaign × transaction date
//                                   × payment service × kind (charge / purchase)
//   participant_point_stats         participants with points per campaign × cap × 500-yen
//                                   bucket of points_total (1: 1–499, 500: 500–999 …,
//                                   cap_yen: at the cap)
//
// Like assistance_hourly_stats (1764000600000), each is kept by STATEMENT-level
// AFTER triggers with transition tables: one aggregate upsert per statement, in the
// writer's transaction, so a single API write and a 200k-row INSERT … SELECT of an
// import both pay one upsert. Upserts run in key order, so two statements touching
// the same keys wait for each other instead of deadlocking.
//
// Lock order with the reservation quota. Creating a reservation inserts the row, then
// takes the unit (UPDATE reservation_quotas); deleting one does both in a single
// statement whose UPDATE locks the quota before the DELETE's trigger runs. Had the
// insert trigger upserted the rollup before the quota was locked, a create and a
// delete could each hold what the other wants. So the reservation triggers lock the
// statement's quotas first (id order, FOR NO KEY UPDATE: the mode the unit's UPDATE
// takes anyway, which does not conflict with foreign-key checks), then the rollup:
// everybody goes quota → rollup.
//
// stats_rebuild() recomputes every rollup from the base tables, set-based.

const UPTAKE_KEY = 'municipality_code, campaign_id, day, dimension, value';
// Delta rows of reservations and applications come as (DELTA…, reservations, applications).
const DELTA = 'municipality_code, campaign_id, day, channel, age_band, district';
const SERVICE_KEY = 'municipality_code, campaign_id, day, payment_service_id';
const POINTS_KEY = 'municipality_code, campaign_id, day, payment_service_id, kind';
const BUCKET_KEY = 'municipality_code, campaign_id, cap_yen, bucket_yen';

const JST_DAY = (col: string) => `(${col} AT TIME ZONE 'Asia/Tokyo')::date`;
// 1: 1–499; then the 500-yen step; cap_yen: at the cap (0 is never stored).
const BUCKET = (points: string, cap: string) =>
  `CASE WHEN ${points} >= ${cap} THEN ${cap} WHEN ${points} = 0 THEN 0 ELSE greatest(1, ${points} / 500 * 500) END`;

/** One aggregate upsert of delta rows (key…, values…) into a rollup, in key order. */
function upsert(table: string, key: string, values: string[], rows: string, prefix = ''): string {
  return `${prefix}INSERT INTO ${table} AS s (${key}, ${values.join(', ')})
  SELECT ${key}, ${values.map((v) => `sum(${v})`).join(', ')}
  FROM (${rows}) d
  GROUP BY ${key}
  HAVING ${values.map((v) => `sum(${v}) <> 0`).join(' OR ')}
  ORDER BY ${key}
  ON CONFLICT ON CONSTRAINT ${table}_key
  DO UPDATE SET ${values.map((v) => `${v} = s.${v} + EXCLUDED.${v}`).join(', ')}`;
}

/** Delta rows (DELTA…, reservations, applications), summed, then spread over the three dimensions. */
const spread = (rows: string) => `
  SELECT d.municipality_code, d.campaign_id, d.day, v.dimension, v.value, d.reservations, d.applications
  FROM (SELECT ${DELTA}, sum(reservations)::int AS reservations, sum(applications)::int AS applications FROM (${rows}) r0 GROUP BY ${DELTA}) d
  CROSS JOIN LATERAL (VALUES ('channel', d.channel), ('age_band', d.age_band), ('district', d.district)) v(dimension, value)`;
const uptakeUpsert = (rows: string, prefix = '') => upsert('uptake_daily_stats', UPTAKE_KEY, ['reservations', 'applications'], spread(rows), prefix);

/**
 * An upsert that may bring rows to zero (the DELETE and UPDATE branches), followed by
 * the removal of those rows, found by the ctid the upsert returns: only rows this
 * statement has just written and still locks, so no new lock is waited for. The
 * tables then hold exactly what stats_rebuild() computes.
 */
const pruned = (table: string, values: string[], upsertSql: string, into = 'gone') => `
  WITH up AS (${upsertSql} RETURNING s.ctid AS row_id, ${values.map((v) => `s.${v}`).join(', ')})
  SELECT array_agg(row_id) INTO ${into} FROM up WHERE ${values.map((v) => `${v} = 0`).join(' AND ')};
  DELETE FROM ${table} WHERE ctid = ANY(${into});`;
const uptakePruned = (rows: string) => pruned('uptake_daily_stats', ['reservations', 'applications'], uptakeUpsert(rows));

// ---- reservations -------------------------------------------------------------
const reservationRows = (t: string, sign: 1 | -1) => `
  SELECT r.municipality_code, q.campaign_id, ${JST_DAY('r.reserved_at')} AS day, r.channel, r.age_band, r.district,
         ${sign} AS reservations, 0 AS applications
  FROM ${t} r JOIN reservation_quotas q ON q.id = r.quota_id`;
// An application carries its reservation's age band and district: when those change
// (or the reservation goes), the application's cell moves too.
const applicationsOfReservations = (t: string, sign: 1 | -1, gone = false) => `
  SELECT a.municipality_code, p.campaign_id, ${JST_DAY('a.applied_at')} AS day, a.channel,
         ${gone ? 'NULL::text' : 'r.age_band'} AS age_band, ${gone ? 'NULL::text' : 'r.district'} AS district,
         0 AS reservations, ${sign} AS applications
  FROM ${t} r JOIN applications a ON a.participant_id = r.participant_id JOIN participants p ON p.id = a.participant_id`;
const lockQuotas = (t: string) => `PERFORM 1 FROM reservation_quotas WHERE id IN (SELECT quota_id FROM ${t}) ORDER BY id FOR NO KEY UPDATE;`;

// ---- applications ---------------------------------------------------------------
// Campaign, age band and district come from the reservation (one unique-index probe
// per row); an application without one (only possible by hand) falls back to its
// participant's campaign with no age band or district.
const applicationRows = (t: string, sign: 1 | -1) => `
  SELECT a.municipality_code,
         coalesce(q.campaign_id, (SELECT p.campaign_id FROM participants p WHERE p.id = a.participant_id)) AS campaign_id,
         ${JST_DAY('a.applied_at')} AS day, a.channel, r.age_band, r.district, a.payment_service_id,
         0 AS reservations, ${sign} AS applications
  FROM ${t} a
  LEFT JOIN reservations r ON r.participant_id = a.participant_id
  LEFT JOIN reservation_quotas q ON q.id = r.quota_id`;
const applicationUpserts = (rows: string) => `
  WITH delta AS MATERIALIZED (${rows}),
  u AS (${uptakeUpsert(`SELECT ${DELTA}, reservations, applications FROM delta`)})
  ${upsert('application_service_daily_stats', SERVICE_KEY, ['applications'], `SELECT ${SERVICE_KEY}, applications FROM delta`)};`;
// The same, removing the rows it brings to zero (see pruned).
const applicationUpsertsPruned = (rows: string) => `
  WITH delta AS MATERIALIZED (${rows}),
  u AS (${uptakeUpsert(`SELECT ${DELTA}, reservations, applications FROM delta`)} RETURNING s.ctid AS row_id, s.reservations, s.applications),
  v AS (${upsert('application_service_daily_stats', SERVICE_KEY, ['applications'], `SELECT ${SERVICE_KEY}, applications FROM delta`)} RETURNING s.ctid AS row_id, s.applications)
  SELECT (SELECT array_agg(row_id) FROM u WHERE reservations = 0 AND applications = 0), (SELECT array_agg(row_id) FROM v WHERE applications = 0)
    INTO gone, gone2;
  DELETE FROM uptake_daily_stats WHERE ctid = ANY(gone);
  DELETE FROM application_service_daily_stats WHERE ctid = ANY(gone2);`;

// ---- point awards -----------------------------------------------------------------
const pointRows = (t: string, sign: 1 | -1) => `
  SELECT municipality_code, campaign_id, transaction_date AS day, payment_service_id, kind,
         ${sign}::bigint * points AS points, ${sign} AS awards
  FROM ${t}`;

// ---- participants -------------------------------------------------------------------
// Only participants with points: a new participant (0 points) or the removal of one
// touches no rollup row. Otherwise every reservation of a campaign would lock the
// same "0 points" row before the quota, and a reservation delete (quota first, then
// the participant) could deadlock with a create.
const participantRows = (t: string, sign: 1 | -1) => `
  SELECT municipality_code, campaign_id, cap_yen, ${BUCKET('points_total', 'cap_yen')} AS bucket_yen, ${sign} AS participants
  FROM ${t} WHERE points_total > 0`;

/** The three branches of a statement trigger (PL/pgSQL plans a branch when it first runs it, so each names only its own transition tables). */
const syncFunction = (name: string, branch: (op: 'INSERT' | 'DELETE' | 'UPDATE') => string, settings = '') => `
  CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql
  -- The planner knows nothing of a transition table: it guesses one group per row.
  -- With the default work_mem that means sorting a 200k-row statement on disk instead
  -- of hashing its few thousand keys, and a cost high enough to JIT-compile, which
  -- alone takes longer than the whole upsert.
  SET jit = off SET work_mem = '64MB' ${settings} AS $fn$
  DECLARE
    gone tid[];
    gone2 tid[];
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${branch('INSERT')}
    ELSIF TG_OP = 'DELETE' THEN
      ${branch('DELETE')}
    ELSE
      ${branch('UPDATE')}
    END IF;
    RETURN NULL;
  END $fn$;`;

const triggers = (table: string, fn: string, prefix: string, truncateFn: string) => `
  CREATE TRIGGER ${prefix}_stats_insert AFTER INSERT ON ${table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${prefix}_stats_update AFTER UPDATE ON ${table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${prefix}_stats_delete AFTER DELETE ON ${table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();
  CREATE TRIGGER ${prefix}_stats_truncate AFTER TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${truncateFn}();`;

// Full recomputations, one INSERT … SELECT per rollup (after a TRUNCATE of it).
const REBUILD_UPTAKE = `
  INSERT INTO uptake_daily_stats (${UPTAKE_KEY}, reservations, applications)
  SELECT ${UPTAKE_KEY}, sum(reservations), sum(applications) FROM (${spread(`
    ${reservationRows('reservations', 1)}
    UNION ALL
    SELECT ${DELTA}, reservations, applications FROM (${applicationRows('applications', 1)}) x`)}
  ) d GROUP BY ${UPTAKE_KEY};
  INSERT INTO application_service_daily_stats (${SERVICE_KEY}, applications)
  SELECT ${SERVICE_KEY}, sum(applications) FROM (${applicationRows('applications', 1)}) d GROUP BY ${SERVICE_KEY};`;
const REBUILD_POINTS = `
  INSERT INTO point_award_daily_stats (${POINTS_KEY}, points, awards)
  SELECT ${POINTS_KEY}, sum(points), sum(awards) FROM (${pointRows('point_awards', 1)}) d GROUP BY ${POINTS_KEY};`;
const REBUILD_PARTICIPANTS = `
  INSERT INTO participant_point_stats (${BUCKET_KEY}, participants)
  SELECT ${BUCKET_KEY}, sum(participants) FROM (${participantRows('participants', 1)}) d GROUP BY ${BUCKET_KEY};`;
const REBUILD_ASSISTANCE = `
  INSERT INTO assistance_hourly_stats (municipality_code, day, hour, staff_id, office, outcome, unable_reason, visits, minutes)
  SELECT municipality_code, ${JST_DAY('visited_at')}, extract(hour FROM visited_at AT TIME ZONE 'Asia/Tokyo')::smallint,
         staff_id, office, outcome, unable_reason, count(*), sum(duration_minutes)
  FROM assistance_records GROUP BY 1, 2, 3, 4, 5, 6, 7;`;

export class StatsRollups1764000700000 implements MigrationInterface {
  name = 'StatsRollups1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- No CHECK (>= 0) on the counts: INSERT … ON CONFLICT checks the proposed row,
      -- and a delete proposes negative counts before they merge into the existing row.
      CREATE TABLE uptake_daily_stats (
        municipality_code char(6) NOT NULL,
        campaign_id       int NOT NULL,
        day               date NOT NULL,
        dimension         text NOT NULL CHECK (dimension IN ('channel','age_band','district')),
        value             text,
        reservations      int NOT NULL,
        applications      int NOT NULL,
        CONSTRAINT uptake_daily_stats_key UNIQUE NULLS NOT DISTINCT (${UPTAKE_KEY})
      );
      CREATE INDEX uptake_daily_stats_day_idx ON uptake_daily_stats (day);

      CREATE TABLE application_service_daily_stats (
        municipality_code  char(6) NOT NULL,
        campaign_id        int NOT NULL,
        day                date NOT NULL,
        payment_service_id int NOT NULL,
        applications       int NOT NULL,
        CONSTRAINT application_service_daily_stats_key UNIQUE (${SERVICE_KEY})
      );
      CREATE INDEX application_service_daily_stats_day_idx ON application_service_daily_stats (day);

      CREATE TABLE point_award_daily_stats (
        municipality_code  char(6) NOT NULL,
        campaign_id        int NOT NULL,
        day                date NOT NULL,
        payment_service_id int NOT NULL,
        kind               text NOT NULL,
        points             bigint NOT NULL,
        awards             int NOT NULL,
        CONSTRAINT point_award_daily_stats_key UNIQUE (${POINTS_KEY})
      );
      CREATE INDEX point_award_daily_stats_day_idx ON point_award_daily_stats (day);

      CREATE TABLE participant_point_stats (
        municipality_code char(6) NOT NULL,
        campaign_id       int NOT NULL,
        cap_yen           int NOT NULL,
        bucket_yen        int NOT NULL,
        participants      int NOT NULL,
        CONSTRAINT participant_point_stats_key UNIQUE (${BUCKET_KEY})
      );

      ${syncFunction('reservations_stats_sync', (op) => {
        if (op === 'INSERT') return `${lockQuotas('new_rows')}
          ${uptakeUpsert(reservationRows('new_rows', 1))};`;
        if (op === 'DELETE') return `${lockQuotas('old_rows')}
          ${uptakePruned(`${reservationRows('old_rows', -1)}
            UNION ALL ${applicationsOfReservations('old_rows', -1)} UNION ALL ${applicationsOfReservations('old_rows', 1, true)}`)}`;
        return `PERFORM 1 FROM reservation_quotas WHERE id IN (SELECT quota_id FROM old_rows UNION SELECT quota_id FROM new_rows) ORDER BY id FOR NO KEY UPDATE;
          ${uptakePruned(`${reservationRows('new_rows', 1)} UNION ALL ${reservationRows('old_rows', -1)}
            UNION ALL ${applicationsOfReservations('old_rows', -1)} UNION ALL ${applicationsOfReservations('new_rows', 1)}`)}`;
      })}
      ${syncFunction('applications_stats_sync', (op) => {
        if (op === 'INSERT') return applicationUpserts(applicationRows('new_rows', 1));
        if (op === 'DELETE') return applicationUpsertsPruned(applicationRows('old_rows', -1));
        return applicationUpsertsPruned(`${applicationRows('new_rows', 1)} UNION ALL ${applicationRows('old_rows', -1)}`);
        // Each application's reservation by its unique index, not a hash of the whole
        // reservations table: the cost follows the statement, not the table (measured
        // on 1M reservations: 1.6–2.8 s against 1.8–3.6 s for a 200k-row statement).
      }, `SET enable_hashjoin = off SET enable_mergejoin = off`)}
      ${syncFunction('point_awards_stats_sync', (op) => {
        if (op === 'INSERT') return `${upsert('point_award_daily_stats', POINTS_KEY, ['points', 'awards'], pointRows('new_rows', 1))};`;
        const rows = op === 'DELETE' ? pointRows('old_rows', -1) : `${pointRows('new_rows', 1)} UNION ALL ${pointRows('old_rows', -1)}`;
        return pruned('point_award_daily_stats', ['points', 'awards'], upsert('point_award_daily_stats', POINTS_KEY, ['points', 'awards'], rows));
      })}
      ${syncFunction('participants_stats_sync', (op) => {
        if (op === 'INSERT') return `${upsert('participant_point_stats', BUCKET_KEY, ['participants'], participantRows('new_rows', 1))};`;
        const rows = op === 'DELETE' ? participantRows('old_rows', -1) : `${participantRows('new_rows', 1)} UNION ALL ${participantRows('old_rows', -1)}`;
        return pruned('participant_point_stats', ['participants'], upsert('participant_point_stats', BUCKET_KEY, ['participants'], rows));
      })}

      -- After a TRUNCATE of a base table (tests, an administrator): recompute the
      -- rollups that read it from what is left.
      CREATE FUNCTION stats_rebuild_uptake() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE uptake_daily_stats, application_service_daily_stats;
        ${REBUILD_UPTAKE}
        RETURN NULL;
      END $fn$;
      CREATE FUNCTION stats_rebuild_points() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE point_award_daily_stats;
        ${REBUILD_POINTS}
        RETURN NULL;
      END $fn$;
      CREATE FUNCTION stats_rebuild_participants() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE participant_point_stats;
        ${REBUILD_PARTICIPANTS}
        RETURN NULL;
      END $fn$;

      ${triggers('reservations', 'reservations_stats_sync', 'reservations', 'stats_rebuild_uptake')}
      ${triggers('applications', 'applications_stats_sync', 'applications', 'stats_rebuild_uptake')}
      ${triggers('point_awards', 'point_awards_stats_sync', 'point_awards', 'stats_rebuild_points')}
      ${triggers('participants', 'participants_stats_sync', 'participants', 'stats_rebuild_participants')}

      -- Every rollup, recomputed from the base tables (after a bulk load with triggers
      -- disabled, or to check the incremental upkeep). TRUNCATE locks each rollup until
      -- commit: writers running meanwhile wait at their trigger and add their rows on
      -- top of the rebuilt figures, so nothing is lost or counted twice.
      CREATE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        TRUNCATE uptake_daily_stats, application_service_daily_stats, point_award_daily_stats, participant_point_stats, assistance_hourly_stats;
        ${REBUILD_UPTAKE}
        ${REBUILD_POINTS}
        ${REBUILD_PARTICIPANTS}
        ${REBUILD_ASSISTANCE}
        ANALYZE uptake_daily_stats, application_service_daily_stats, point_award_daily_stats, participant_point_stats, assistance_hourly_stats;
      END $fn$;

      SELECT stats_rebuild();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION stats_rebuild();
      ${['reservations', 'applications', 'point_awards', 'participants']
        .map((t) => ['insert', 'update', 'delete', 'truncate'].map((op) => `DROP TRIGGER ${t}_stats_${op} ON ${t};`).join('\n'))
        .join('\n')}
      DROP FUNCTION stats_rebuild_participants();
      DROP FUNCTION stats_rebuild_points();
      DROP FUNCTION stats_rebuild_uptake();
      DROP FUNCTION participants_stats_sync();
      DROP FUNCTION point_awards_stats_sync();
      DROP FUNCTION applications_stats_sync();
      DROP FUNCTION reservations_stats_sync();
      DROP TABLE participant_point_stats;
      DROP TABLE point_award_daily_stats;
      DROP TABLE application_service_daily_stats;
      DROP TABLE uptake_daily_stats;
    `);
  }
}
