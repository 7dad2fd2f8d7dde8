import { MigrationInterface, QueryRunner } from 'typeorm';

// The reference checks that stand in for foreign keys (1764001010000: a reservation
// import writes a million references) ran as the caller, under row-level security:
// a municipality's participant in a national campaign could not find (let alone
// lock) the operator's campaign row, and its first reservation there failed. A real
// foreign key checks as the table's owner, whatever the policies; these now do the
// same (SECURITY DEFINER), and between municipality-owned tables they compare
// (municipality_code, id), as the composite foreign keys of 1764001800000 do, so a
// row can still only reference its own municipality's rows.
const OWNED_PARENTS: Array<[table: string, column: string, parent: string]> = [
  ['reservations', 'participant_id', 'participants'],
  ['reservations', 'quota_id', 'reservation_quotas'],
  ['reservations', 'import_id', 'imports'],
];
const trigger = (table: string, column: string, suffix: string) => `${table}_${column}_${suffix}`;
const FUNCTIONS = ['check_references()', 'check_reference()', 'keep_referenced()'];

function triggers(table: string, column: string, parent: string, childCols: string, parentCols: string): string {
  return `
    DROP TRIGGER ${trigger(table, column, 'ref_insert')} ON ${table};
    DROP TRIGGER ${trigger(table, column, 'ref_update')} ON ${table};
    DROP TRIGGER ${trigger(table, column, 'keep_delete')} ON ${parent};
    DROP TRIGGER ${trigger(table, column, 'keep_key')} ON ${parent};
    CREATE TRIGGER ${trigger(table, column, 'ref_insert')} AFTER INSERT ON ${table}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_references('${childCols}', '${parent}', '${parentCols}');
    CREATE TRIGGER ${trigger(table, column, 'ref_update')} AFTER UPDATE OF ${column} ON ${table}
      FOR EACH ROW WHEN (NEW.${column} IS DISTINCT FROM OLD.${column}) EXECUTE FUNCTION check_reference('${childCols}', '${parent}', '${parentCols}');
    CREATE TRIGGER ${trigger(table, column, 'keep_delete')} AFTER DELETE ON ${parent}
      FOR EACH ROW EXECUTE FUNCTION keep_referenced('${table}', '${childCols}', '${parentCols}');
    CREATE TRIGGER ${trigger(table, column, 'keep_key')} AFTER UPDATE OF id ON ${parent}
      FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION keep_referenced('${table}', '${childCols}', '${parentCols}');`;
}

export class ReferenceChecksByMunicipality1764001870000 implements MigrationInterface {
  name = 'ReferenceChecksByMunicipality1764001870000';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SECURITY DEFINER SET search_path = public`);
    for (const [table, column, parent] of OWNED_PARENTS) {
      await q.query(triggers(table, column, parent, `municipality_code,${column}`, 'municipality_code,id'));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column, parent] of OWNED_PARENTS) await q.query(triggers(table, column, parent, column, 'id'));
    for (const fn of FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SECURITY INVOKER RESET search_path`);
  }
}
