import { MigrationInterface, QueryRunner } from 'typeorm';

// Operator and prefecture accounts share the pseudo-municipality 000000, so the
// municipalities table's `operator_all` policy let a prefecture user read (and, but for
// the permissions table, change) every municipality of the country. A prefecture
// user's requests always carry its stats scope (auth.service.ts tenantOf: its
// municipalities, or 000000 when it has none yet); the operator's never do.
export class OperatorPolicyNotPrefecture1764001880000 implements MigrationInterface {
  name = 'OperatorPolicyNotPrefecture1764001880000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY operator_all ON municipalities;
      CREATE POLICY operator_all ON municipalities
        USING ((SELECT current_municipality()) = '000000' AND (SELECT stats_municipalities()) IS NULL)
        WITH CHECK ((SELECT current_municipality()) = '000000' AND (SELECT stats_municipalities()) IS NULL);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY operator_all ON municipalities;
      CREATE POLICY operator_all ON municipalities
        USING ((SELECT current_municipality()) = '000000') WITH CHECK ((SELECT current_municipality()) = '000000');
    `);
  }
}
