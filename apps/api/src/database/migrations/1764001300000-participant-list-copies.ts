import { MigrationInterface, QueryRunner } from 'typeorm';

// The participants list's sort key and its main filter, copied onto the participant:
//   participants.reserved_at         = its reservation's reserved_at (NULL: none)
//   participants.payment_service_id  = its application's payment_service_id (NULL: none)
// The list sorts by the reservation time and filters by the chosen service; the two
// live in different tables, so no index could give "service = X in reservation
// order", and every page joined and sorted all of a service's participants (6,771 for
// service 40 at city scale: 220 ms cold, 60 ms warm) and an unfiltered page all
// 1,000,000 (seconds). On the participant, one index per order answers a 25-row page
// by reading 25 index entries (docs/benchmarks.md).
//
// Kept exact, in the writer's transaction, by STATEMENT-level AFTER triggers with
// transition tables on reservations and applications, as the stats rollups are
// (1764000700000): one UPDATE per statement, so an import's 200k-row INSERT … SELECT
// pays one join, not 200k trigger calls.
//   - INSERT: the new rows' values (one reservation and one application per
//     participant, and a statement cannot touch a row it inserts, so they are the
//     participant's at the end of the statement).
//   - UPDATE (only rows whose participant or copied value changed) and DELETE: each
//     participant concerned is read again from the source table, so a statement that
//     deletes one row and inserts another for the same participant (two CTEs) ends
//     right whatever order its triggers fire in.
//   - Only participants whose copy differs are written (IS DISTINCT FROM): the
//     reservation import inserts its participants with reserved_at already set, so
//     its reservation insert rewrites none of them.
//   - TRUNCATE clears the copy.
// Locks: the UPDATE locks the participants it changes. Every writer already holds
// them: the API locks the participant (FOR UPDATE, or inserted it) before it writes
// its reservation or application, and the imports insert their participants or lock
// them in id order first. The trigger adds no lock order of its own.
// Only the participants' own UPDATE triggers run on the copy's writes: the rollup's
// (a zero delta, dropped) and none of the per-row ones (those watch id and
// campaign_id).

const SOURCES = [
  { table: 'reservations', column: 'reserved_at', fn: 'participants_copy_reservation' },
  { table: 'applications', column: 'payment_service_id', fn: 'participants_copy_application' },
] as const;

type Source = (typeof SOURCES)[number];

/** Sets the copy for the participants in `ids` (a query of participant ids) from the source table as it is now. */
const recompute = ({ table, column }: Source, ids: string) => `
  UPDATE participants p SET ${column} = s.${column}
  FROM (SELECT k.id, x.${column} FROM (${ids}) k LEFT JOIN ${table} x ON x.participant_id = k.id) s
  WHERE p.id = s.id AND p.${column} IS DISTINCT FROM s.${column};`;

const syncFunction = (src: Source) => `
  CREATE FUNCTION ${src.fn}() RETURNS trigger LANGUAGE plpgsql
  -- As the rollups' functions: no JIT (compiling costs more than a 200k-row update),
  -- and each participant by its primary key rather than a hash of the whole table, so
  -- the cost follows the statement, not the table: a 100k-row insert probed 100k keys
  -- in about 0.6 s where the hash join read all 1,100,000 participants in 1.2 s.
  SET jit = off SET enable_hashjoin = off SET enable_mergejoin = off AS $fn$
  BEGIN
    -- Each branch names only the transition tables its trigger has.
    IF TG_OP = 'INSERT' THEN
      UPDATE participants p SET ${src.column} = n.${src.column}
      FROM new_rows n
      WHERE p.id = n.participant_id AND p.${src.column} IS DISTINCT FROM n.${src.column};
    ELSIF TG_OP = 'DELETE' THEN
      ${recompute(src, 'SELECT DISTINCT participant_id AS id FROM old_rows')}
    ELSE
      ${recompute(
        src,
        `SELECT DISTINCT v.id FROM old_rows o JOIN new_rows n ON n.id = o.id
           CROSS JOIN LATERAL (VALUES (o.participant_id), (n.participant_id)) v(id)
         WHERE (o.participant_id, o.${src.column}) IS DISTINCT FROM (n.participant_id, n.${src.column})`,
      )}
    END IF;
    RETURN NULL;
  END $fn$;
  CREATE FUNCTION ${src.fn}_clear() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    UPDATE participants SET ${src.column} = NULL WHERE ${src.column} IS NOT NULL;
    RETURN NULL;
  END $fn$;
  CREATE TRIGGER ${src.table}_participant_copy_insert AFTER INSERT ON ${src.table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${src.fn}();
  -- No column list (UPDATE OF …): PostgreSQL refuses one next to transition tables;
  -- the function skips rows whose participant and value did not change.
  CREATE TRIGGER ${src.table}_participant_copy_update AFTER UPDATE ON ${src.table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${src.fn}();
  CREATE TRIGGER ${src.table}_participant_copy_delete AFTER DELETE ON ${src.table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${src.fn}();
  CREATE TRIGGER ${src.table}_participant_copy_truncate AFTER TRUNCATE ON ${src.table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${src.fn}_clear();`;

export class ParticipantListCopies1764001300000 implements MigrationInterface {
  name = 'ParticipantListCopies1764001300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE participants ADD COLUMN reserved_at timestamptz, ADD COLUMN payment_service_id int;
      COMMENT ON COLUMN participants.reserved_at IS 'Copy of reservations.reserved_at (triggers), for the list''s order';
      COMMENT ON COLUMN participants.payment_service_id IS 'Copy of applications.payment_service_id (triggers), for the list''s filter';

      -- The backfill, set-based, before the triggers and the indexes (one index build
      -- instead of a million insertions). The rollup trigger would see a million
      -- unchanged point totals: it is left out for this statement.
      ALTER TABLE participants DISABLE TRIGGER participants_stats_update;
      UPDATE participants p SET reserved_at = s.reserved_at, payment_service_id = s.payment_service_id
      FROM (SELECT p2.id, r.reserved_at, a.payment_service_id
            FROM participants p2
            LEFT JOIN reservations r ON r.participant_id = p2.id
            LEFT JOIN applications a ON a.participant_id = p2.id
            WHERE r.id IS NOT NULL OR a.id IS NOT NULL) s
      WHERE p.id = s.id;
      ALTER TABLE participants ENABLE TRIGGER participants_stats_update;

      -- The list's orders as list-sql writes them for a nullable key:
      -- ORDER BY p.reserved_at DESC NULLS LAST, p.id DESC (ASC NULLS FIRST, p.id ASC reads them backwards).
      CREATE INDEX participants_reserved_at_id_idx ON participants (reserved_at DESC NULLS LAST, id DESC);
      CREATE INDEX participants_service_reserved_at_id_idx ON participants (payment_service_id, reserved_at DESC NULLS LAST, id DESC);

      ${SOURCES.map(syncFunction).join('\n')}

      ANALYZE participants;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ${SOURCES.map((s) =>
        ['insert', 'update', 'delete', 'truncate'].map((op) => `DROP TRIGGER ${s.table}_participant_copy_${op} ON ${s.table};`).join('\n') +
        `\nDROP FUNCTION ${s.fn}_clear(); DROP FUNCTION ${s.fn}();`,
      ).join('\n')}
      DROP INDEX participants_service_reserved_at_id_idx;
      DROP INDEX participants_reserved_at_id_idx;
      ALTER TABLE participants DROP COLUMN payment_service_id, DROP COLUMN reserved_at;
    `);
  }
}
