import { MigrationInterface, QueryRunner } from 'typeorm';

// The quota's one rule, as database functions: a unit is taken only while one is
// left and the reservation's instant lies in the quota's window, in one UPDATE, so
// under any concurrency the quota is never oversold and a rollback gives the unit
// back. Reservations (the API and the import) call these instead of repeating the
// UPDATE's text, and still take the unit inside their own single statement.
export class QuotaUnitFunctions1764001700000 implements MigrationInterface {
  name = 'QuotaUnitFunctions1764001700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The quota's id, or NULL when no unit may be taken (full, outside the window, no such quota).
      CREATE FUNCTION take_quota_unit(quota int, at timestamptz) RETURNS int
      LANGUAGE sql VOLATILE AS $$
        UPDATE reservation_quotas SET used = used + 1
        WHERE id = quota AND used < capacity AND at >= opens_at AND at < closes_at
        RETURNING id
      $$;
      CREATE FUNCTION release_quota_unit(quota int) RETURNS void
      LANGUAGE sql VOLATILE AS $$
        UPDATE reservation_quotas SET used = used - 1 WHERE id = quota
      $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION release_quota_unit(int); DROP FUNCTION take_quota_unit(int, timestamptz);');
  }
}
