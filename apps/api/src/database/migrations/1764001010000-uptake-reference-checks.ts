import { MigrationInterface, QueryRunner } from 'typeorm';

// The references a reservation import writes a million of, checked once per
// statement instead of once per row: reservations → participants, reservation
// quotas and imports; participants → campaigns. As foreign keys they were 60% of the
// reservation insert and 40% of the participant insert (EXPLAIN ANALYZE, see
// docs/imports.md "Speed"): one query per row and per key.
//
// The rule is the foreign keys' own (NO ACTION, MATCH SIMPLE: a NULL references
// nothing), held by two generic trigger functions, as AwardLedgerChecks1764001000000
// does for the point ledger:
//   - check_references(child columns, parent table, parent columns), AFTER INSERT,
//     per statement (check_reference: the same per row for an UPDATE that changes
//     the columns): the statement's distinct keys (transition
//     table) joined with the parent, whose rows are locked FOR KEY SHARE as the
//     foreign key locked them; fewer rows than keys → 23503 "Key (…)=(…) is not
//     present in table …". A parent row deleted or re-keyed by a transaction that
//     committed while this one waited for the lock is left out (READ COMMITTED
//     re-check), so it counts as missing.
//   - keep_referenced(child table, child columns, parent columns), AFTER DELETE /
//     UPDATE OF the key, per row (key changes only): 23503 "… is still referenced
//     from table …" while a child row references the old key. A delete racing an
//     insert either waits for the insert's lock and then sees its rows (each statement
//     of the function takes a new snapshot), or comes first and the insert's lock
//     finds no row.
// Same SQLSTATE and DETAIL wording as the foreign keys, so the API's error mapping
// (409 in_use / 400 reference_not_found) is unchanged. Every query in the
// application runs at READ COMMITTED.
const CHILD_SIDE: Array<[table: string, columns: string, parent: string, parentColumns: string, dropped: string]> = [
  ['reservations', 'participant_id', 'participants', 'id', 'reservations_participant_id_fkey'],
  ['reservations', 'quota_id', 'reservation_quotas', 'id', 'reservations_quota_id_fkey'],
  ['reservations', 'import_id', 'imports', 'id', 'reservations_import_fk'],
  ['participants', 'campaign_id', 'campaigns', 'id', 'participants_campaign_id_fkey'],
];

const trigger = (table: string, column: string, suffix: string) => `${table}_${column}_${suffix}`;

export class UptakeReferenceChecks1764001010000 implements MigrationInterface {
  name = 'UptakeReferenceChecks1764001010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION check_references() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        child_cols text[] := string_to_array(TG_ARGV[0], ',');
        parent text := TG_ARGV[1];
        parent_cols text[] := string_to_array(TG_ARGV[2], ',');
        cols text;
        present text;
        matches text;
        wanted bigint;
        found bigint;
        missing text;
        parent_key text;
        same_row text;
      BEGIN
        SELECT string_agg(format('r.%I', c), ', '), string_agg(format('r.%I IS NOT NULL', c), ' AND '), string_agg(format('p.%I = r.%I', pc, c), ' AND ')
        INTO cols, present, matches
        FROM unnest(child_cols, parent_cols) AS u(c, pc);
        SELECT string_agg(format('p.%I', pc), ', '), string_agg(format('p.%I = s.%I', pc, pc), ' AND ')
        INTO parent_key, same_row
        FROM unnest(parent_cols) AS u(pc);
        -- The parent columns are its primary key: a key matches at most one row. Rows
        -- this transaction inserted itself (a reservation import's new participants)
        -- need no lock: no other transaction can see them, let alone delete them, and
        -- locking each would write it again. Every other row is locked.
        EXECUTE format(
          'WITH refs AS MATERIALIZED (SELECT DISTINCT %1$s FROM new_rows r WHERE %2$s),
                seen AS MATERIALIZED (SELECT %5$s, p.xmin = $1 AS own FROM refs r JOIN %3$I p ON %4$s),
                locked AS (SELECT 1 FROM seen s JOIN %3$I p ON %6$s WHERE NOT s.own FOR KEY SHARE OF p)
           SELECT (SELECT count(*) FROM refs), (SELECT count(*) FROM seen WHERE own) + (SELECT count(*) FROM locked)',
          cols, present, parent, matches, parent_key, same_row)
        INTO wanted, found
        USING ((pg_current_xact_id()::text::numeric % 4294967296)::bigint)::text::xid;
        IF found = wanted THEN RETURN NULL; END IF;
        EXECUTE format('SELECT concat_ws('', '', %1$s) FROM new_rows r WHERE %2$s AND NOT EXISTS (SELECT 1 FROM %3$I p WHERE %4$s) LIMIT 1',
                       cols, present, parent, matches)
        INTO missing;
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key rule to table "%"', TG_TABLE_NAME, parent
          USING ERRCODE = 'foreign_key_violation',
                DETAIL = format('Key (%s)=(%s) is not present in table "%s".', array_to_string(child_cols, ', '), coalesce(missing, 'changed meanwhile'), parent);
      END $$;

      -- The same for one row whose key changed (an UPDATE: rare, and a statement
      -- trigger with a transition table cannot be limited to changes of a column).
      CREATE FUNCTION check_reference() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        child_cols text[] := string_to_array(TG_ARGV[0], ',');
        parent text := TG_ARGV[1];
        parent_cols text[] := string_to_array(TG_ARGV[2], ',');
        present text;
        matches text;
        shown text;
        found boolean;
      BEGIN
        SELECT string_agg(format('($1).%I IS NOT NULL', c), ' AND '), string_agg(format('p.%I = ($1).%I', pc, c), ' AND '), string_agg(format('($1).%I', c), ', ')
        INTO present, matches, shown
        FROM unnest(child_cols, parent_cols) AS u(c, pc);
        EXECUTE format('SELECT NOT (%s) OR EXISTS (SELECT 1 FROM %I p WHERE %s FOR KEY SHARE OF p)', present, parent, matches) INTO found USING NEW;
        IF found THEN RETURN NULL; END IF;
        EXECUTE format('SELECT concat_ws('', '', %s)', shown) INTO shown USING NEW;
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key rule to table "%"', TG_TABLE_NAME, parent
          USING ERRCODE = 'foreign_key_violation',
                DETAIL = format('Key (%s)=(%s) is not present in table "%s".', array_to_string(child_cols, ', '), shown, parent);
      END $$;

      CREATE FUNCTION keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        child text := TG_ARGV[0];
        child_cols text[] := string_to_array(TG_ARGV[1], ',');
        parent_cols text[] := string_to_array(TG_ARGV[2], ',');
        matches text;
        shown text;
        referenced boolean;
      BEGIN
        SELECT string_agg(format('c.%I = ($1).%I', c, pc), ' AND '), string_agg(format('($1).%I', pc), ', ')
        INTO matches, shown
        FROM unnest(child_cols, parent_cols) AS u(c, pc);
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I c WHERE %s)', child, matches) INTO referenced USING OLD;
        IF referenced THEN
          EXECUTE format('SELECT concat_ws('', '', %s)', shown) INTO shown USING OLD;
          RAISE EXCEPTION 'update or delete on table "%" violates foreign key rule from table "%"', TG_TABLE_NAME, child
            USING ERRCODE = 'foreign_key_violation',
                  DETAIL = format('Key (%s)=(%s) is still referenced from table "%s".', array_to_string(parent_cols, ', '), shown, child);
        END IF;
        RETURN NULL;
      END $$;
    `);
    for (const [table, column, parent, parentColumn, dropped] of CHILD_SIDE) {
      const args = `'${column}', '${parent}', '${parentColumn}'`;
      await q.query(`
        ALTER TABLE ${table} DROP CONSTRAINT ${dropped};
        CREATE TRIGGER ${trigger(table, column, 'ref_insert')} AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_references(${args});
        CREATE TRIGGER ${trigger(table, column, 'ref_update')} AFTER UPDATE OF ${column} ON ${table}
          FOR EACH ROW WHEN (NEW.${column} IS DISTINCT FROM OLD.${column}) EXECUTE FUNCTION check_reference(${args});
        CREATE TRIGGER ${trigger(table, column, 'keep_delete')} AFTER DELETE ON ${parent}
          FOR EACH ROW EXECUTE FUNCTION keep_referenced('${table}', '${column}', '${parentColumn}');
        CREATE TRIGGER ${trigger(table, column, 'keep_key')} AFTER UPDATE OF ${parentColumn} ON ${parent}
          FOR EACH ROW WHEN (OLD.${parentColumn} <> NEW.${parentColumn}) EXECUTE FUNCTION keep_referenced('${table}', '${column}', '${parentColumn}');
      `);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column, parent, parentColumn, dropped] of CHILD_SIDE) {
      await q.query(`
        DROP TRIGGER ${trigger(table, column, 'keep_key')} ON ${parent};
        DROP TRIGGER ${trigger(table, column, 'keep_delete')} ON ${parent};
        DROP TRIGGER ${trigger(table, column, 'ref_update')} ON ${table};
        DROP TRIGGER ${trigger(table, column, 'ref_insert')} ON ${table};
        ALTER TABLE ${table} ADD CONSTRAINT ${dropped} FOREIGN KEY (${column}) REFERENCES ${parent} (${parentColumn});
      `);
    }
    await q.query(`DROP FUNCTION keep_referenced(); DROP FUNCTION check_reference(); DROP FUNCTION check_references();`);
  }
}
