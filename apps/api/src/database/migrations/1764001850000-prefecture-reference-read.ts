import { MigrationInterface, QueryRunner } from 'typeorm';

// A prefecture user reads the payment services and campaigns of its municipalities as
// well as the national ones: its stats sum applications and points by service across
// them, and a service or top-up programme of a municipality's own would otherwise count
// in the totals but have no name (or, for a campaign, not be found). Reference data
// only, no resident's; the same scope as the rollups' `prefecture_read` (1764001800000).
const TABLES = ['payment_services', 'campaigns'];
// Cast: `= ANY ((SELECT …))` would read as "any row of the subquery".
const STATS_SCOPE = '(SELECT stats_municipalities())::char(6)[]';

export class PrefectureReferenceRead1764001850000 implements MigrationInterface {
  name = 'PrefectureReferenceRead1764001850000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`CREATE POLICY prefecture_read ON ${table} FOR SELECT USING (municipality_code = ANY (${STATS_SCOPE}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`DROP POLICY prefecture_read ON ${table}`);
  }
}
