import { MigrationInterface, QueryRunner } from 'typeorm';

// Issue #24: the per-user rate limits (common/rate-limit/rate-limiter.ts) move from each
// API process's memory into the database, so that several processes spend from one
// budget. A row per user and bucket holds the times of the hits still in the one-minute
// window (at most the limit of them); the limiter takes a unit with one guarded upsert.
//
// Municipality data like every owned table (migration 1764001800000): the code leads the
// primary key and the foreign key, and row-level security keeps each municipality to its
// own rows. The operator's removal of a municipality empties tables it does not list
// first (migration 1764001810000), before the users they point to: no new place in its order.

const ME = '(SELECT current_municipality())';

export class RateLimits1764002610000 implements MigrationInterface {
  name = 'RateLimits1764002610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rate_limit_windows (
        municipality_code  char(6) NOT NULL DEFAULT current_municipality(),
        user_id            int NOT NULL,
        bucket             text NOT NULL CHECK (bucket IN ('imports','exports')),
        hits               timestamptz[] NOT NULL DEFAULT '{}',
        CONSTRAINT rate_limit_windows_pkey PRIMARY KEY (municipality_code, user_id, bucket),
        CONSTRAINT rate_limit_windows_user_fk FOREIGN KEY (municipality_code, user_id) REFERENCES users (municipality_code, id) ON DELETE CASCADE
      );
      ALTER TABLE rate_limit_windows ENABLE ROW LEVEL SECURITY;
      CREATE POLICY tenant ON rate_limit_windows USING (municipality_code = ${ME}) WITH CHECK (municipality_code = ${ME});
      GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_windows TO mynapoint_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit_windows');
  }
}
