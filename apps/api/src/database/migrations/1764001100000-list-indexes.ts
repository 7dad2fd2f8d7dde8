import { MigrationInterface, QueryRunner } from 'typeorm';

// Indexes the benchmark's EXPLAIN ANALYZE asked for (docs/benchmarks.md).
//   - point awards in list order (transaction date, then id): the default page is
//     read in index order and stops after 25 rows, where an index on the date alone
//     sorted a whole day's awards (about 10,000 at city scale) for every page. It
//     replaces that index (date ranges use the new one just as well), so an import
//     maintains no more indexes than before.
//   - the participants list (every page runs its rows and a count(*) over the same
//     joins): applications by payment service with the participant, so the count of a
//     service's participants is an index-only scan; reservations by participant
//     carrying reserved_at (the default sort key), so the join reads it from the index.
export class ListIndexes1764001100000 implements MigrationInterface {
  name = 'ListIndexes1764001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX point_awards_transaction_date_id_idx ON point_awards (transaction_date, id);
      DROP INDEX point_awards_transaction_date_idx;
      CREATE INDEX applications_service_participant_idx ON applications (payment_service_id, participant_id);
      CREATE INDEX reservations_participant_reserved_at_idx ON reservations (participant_id) INCLUDE (reserved_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX reservations_participant_reserved_at_idx;
      DROP INDEX applications_service_participant_idx;
      CREATE INDEX point_awards_transaction_date_idx ON point_awards (transaction_date);
      DROP INDEX point_awards_transaction_date_id_idx;
    `);
  }
}
