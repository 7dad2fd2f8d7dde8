import { MigrationInterface, QueryRunner } from 'typeorm';

// A municipality's writes lock the national rows they build on: a reservation enrols its
// participant under a share lock on the campaign row (the cap it copies), and the
// reference checks key-share the campaign a participant names. PostgreSQL applies a
// table's UPDATE policies to SELECT … FOR SHARE / FOR KEY SHARE, and reference_write
// showed a municipality only its own rows there: every reservation in a quota of a
// national campaign was refused ("already reserved"), by the API and by imports alike.
//
// National rows are now lockable by every municipality (reference_lock) and stay
// unwritable by it: the policy's WITH CHECK is false, so an UPDATE's new row must still
// pass reference_write (the operator's, for a national row), and a row's municipality
// never changes (a trigger), so a national row cannot be taken over by setting its code.
const TABLES = ['payment_services', 'campaigns'];

export class ReferenceRowLocks1764001820000 implements MigrationInterface {
  name = 'ReferenceRowLocks1764001820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION municipality_code_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the municipality of a % row never changes', TG_TABLE_NAME
          USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_municipality_fixed';
      END $$;
    `);
    for (const table of TABLES) {
      await q.query(`
        CREATE POLICY reference_lock ON ${table} FOR UPDATE USING (municipality_code IS NULL) WITH CHECK (false);
        CREATE TRIGGER ${table}_municipality_fixed BEFORE UPDATE OF municipality_code ON ${table}
          FOR EACH ROW WHEN (OLD.municipality_code IS DISTINCT FROM NEW.municipality_code) EXECUTE FUNCTION municipality_code_fixed();`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP TRIGGER ${table}_municipality_fixed ON ${table}; DROP POLICY reference_lock ON ${table};`);
    await q.query('DROP FUNCTION municipality_code_fixed()');
  }
}
