import { MigrationInterface, QueryRunner } from 'typeorm';

// One clerk's visits in list order (visited_at DESC, then id DESC: the default sort and
// the counter staff's own list). The index on (staff_id, visited_at DESC) lacked the id
// tie-breaker, so the planner walked the city-wide visited_at index instead and
// filtered out the other clerks' rows (about 300 read for a 25-row page at city scale).
// This one replaces it: the page is the first 25 entries.
export class AssistanceStaffOrderIndex1764001500000 implements MigrationInterface {
  name = 'AssistanceStaffOrderIndex1764001500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX assistance_records_staff_visited_at_idx;
      CREATE INDEX assistance_records_staff_visited_at_idx ON assistance_records (staff_id, visited_at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX assistance_records_staff_visited_at_idx;
      CREATE INDEX assistance_records_staff_visited_at_idx ON assistance_records (staff_id, visited_at DESC);
    `);
  }
}
