import { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes the benchmark's EXPLAIN ANALYZE asked for (docs/benchmarks.md), on the
// participants list: every page runs its rows and a count(*) over the same joins.
//   - applications by payment service, with the participant: the count of a
//     service's participants becomes an index-only scan (no heap visit per row)
//   - reservations by participant, carrying reserved_at (the list's default sort
//     key): the join reads the sort key from the index alone
export class ListIndexes1764001100000 implements MigrationInterface {
  name = 'ListIndexes1764001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX applications_service_participant_idx ON applications (payment_service_id, participant_id);
      CREATE INDEX reservations_participant_reserved_at_idx ON reservations (participant_id) INCLUDE (reserved_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX reservations_participant_reserved_at_idx;
      DROP INDEX applications_service_participant_idx;
    `);
  }
}
