import { TestApp } from '../support/test-app';
import { sqlCampaign, sqlParticipant, sqlQuota } from '../support/uptake-sql-fixtures';

// The references reservation imports write a million of (reservations → participants,
// quotas, imports; participants → campaigns) are checked once per statement by
// triggers (migration UptakeReferenceChecks1764001010000), not by per-row foreign
// keys. The same rule from both sides, the same SQLSTATE and wording, under races.
describe('reference checks held by the database', () => {
  let t: TestApp;
  let campaignId: number;
  let quotaId: number;

  beforeAll(async () => {
    t = await TestApp.start();
    // Periods no other test's dates fall in (this database is this file's own anyway).
    campaignId = await sqlCampaign(t);
    quotaId = await sqlQuota(t, campaignId);
  });
  afterAll(() => t.close());

  const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; detail?: string }) => `${e.code} ${e.detail}`);
  const reserve = (participantId: number, quota = quotaId, importId: number | null = null) =>
    t.sql(`INSERT INTO reservations (quota_id, participant_id, channel, reserved_at, import_id) VALUES ($1, $2, 'self_pc', '2020-08-01T10:00:00+09:00', $3)`, [
      quota,
      participantId,
      importId,
    ]);
  const participant = async () => {
    const [p] = await t.sql<{ id: number }>(
      `INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen) VALUES ($1, sha256(random()::text::bytea), 'ABCD', 5000) RETURNING id`,
      [campaignId],
    );
    return p.id;
  };

  it('refuses a reservation or a participant whose reference is missing, naming the key', async () => {
    expect(await outcome(reserve(999_999_999))).toBe(`23503 Key (municipality_code, participant_id)=(${t.config.municipalityCode}, 999999999) is not present in table "participants".`);
    expect(await outcome(reserve(await participant(), 999_999_999))).toBe(`23503 Key (municipality_code, quota_id)=(${t.config.municipalityCode}, 999999999) is not present in table "reservation_quotas".`);
    expect(await outcome(reserve(await participant(), quotaId, 999_999_999))).toBe(`23503 Key (municipality_code, import_id)=(${t.config.municipalityCode}, 999999999) is not present in table "imports".`);
    expect(
      await outcome(t.sql(`INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen) VALUES (999999999, sha256('x'::bytea), 'ABCD', 5000)`)),
    ).toBe('23503 Key (campaign_id)=(999999999) is not present in table "campaigns".');
    // One bad row among many fails the statement; a NULL references nothing (import_id).
    const ok = await participant();
    const many = `INSERT INTO reservations (quota_id, participant_id, channel, reserved_at)
                  SELECT CASE WHEN i = 70 THEN 999999999 ELSE $1 END, $2 + i - 1, 'self_pc', now() FROM generate_series(1, 100) i`;
    expect(await outcome(t.sql(many, [quotaId, ok]))).toMatch(/^23503 /);
    expect(await outcome(reserve(ok))).toBe('ok');
    // Moving a reservation is checked too.
    expect(await outcome(t.sql(`UPDATE reservations SET quota_id = 999999999 WHERE participant_id = $1`, [ok]))).toMatch(/^23503 .*not present/);
  });

  it('keeps what is referenced: deletes and key changes refused with "still referenced" (the API answers 409)', async () => {
    const p = await participant();
    const [imp] = await t.sql<{ id: number }>(`INSERT INTO imports (type, status) VALUES ('reservations', 'done') RETURNING id`);
    await reserve(p, quotaId, imp.id);
    expect(await outcome(t.sql(`DELETE FROM participants WHERE id = $1`, [p]))).toBe(`23503 Key (municipality_code, id)=(${t.config.municipalityCode}, ${p}) is still referenced from table "reservations".`);
    expect(await outcome(t.sql(`UPDATE participants SET id = -id WHERE id = $1`, [p]))).toMatch(/^23503 .*still referenced/);
    expect(await outcome(t.sql(`DELETE FROM reservation_quotas WHERE id = $1`, [quotaId]))).toMatch(/^23503 .*still referenced from table "reservations"/);
    expect(await outcome(t.sql(`DELETE FROM campaigns WHERE id = $1`, [campaignId]))).toMatch(/^23503 /);
    // Changing what nothing references is not refused.
    const lone = await participant();
    expect(await outcome(t.sql(`UPDATE participants SET points_total = 0 WHERE id = $1`, [lone]))).toBe('ok');
    expect(await outcome(t.sql(`DELETE FROM participants WHERE id = $1`, [lone]))).toBe('ok');
    // Once the reservation is gone, so can the participant be.
    await t.sql(`DELETE FROM reservations WHERE participant_id = $1`, [p]);
    expect(await outcome(t.sql(`DELETE FROM participants WHERE id = $1`, [p]))).toBe('ok');
  });

  it('under races: a delete waits for the reservation being written and is refused, or comes first and the reservation is', async () => {
    const [a, b] = await Promise.all([t.db.connect(), t.db.connect()]);
    const insert = `INSERT INTO reservations (quota_id, participant_id, channel, reserved_at) VALUES ($1, $2, 'self_pc', now())`;
    try {
      const p1 = await participant();
      await a.query('BEGIN');
      await a.query(insert, [quotaId, p1]);
      const deleting = outcome(b.query(`DELETE FROM participants WHERE id = $1`, [p1]));
      await new Promise((r) => setTimeout(r, 300));
      await a.query('COMMIT');
      expect(await deleting).toMatch(/^23503 .*still referenced/);

      const p2 = await participant();
      await b.query('BEGIN');
      await b.query(`DELETE FROM participants WHERE id = $1`, [p2]);
      const inserting = outcome(a.query(insert, [quotaId, p2]));
      await new Promise((r) => setTimeout(r, 300));
      await b.query('COMMIT');
      expect(await inserting).toMatch(/^23503 .*not present in table "participants"/);
      const [left] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservations WHERE participant_id = $1`, [p2]);
      expect(left.n).toBe(0);
    } finally {
      a.release();
      b.release();
    }
  });

  it('references rows the same transaction inserted (not locked: no one else sees them), and not ones it deleted', async () => {
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      const [p] = (await c.query(`INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen) VALUES ($1, sha256(random()::text::bytea), 'ABCD', 5000) RETURNING id`, [campaignId])).rows;
      await c.query(`INSERT INTO reservations (quota_id, participant_id, channel, reserved_at) VALUES ($1, $2, 'self_pc', now())`, [quotaId, p.id]);
      await c.query('COMMIT');
      const [r] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservations WHERE participant_id = $1`, [p.id]);
      expect(r.n).toBe(1);

      await c.query('BEGIN');
      const [gone] = (await c.query(`INSERT INTO participants (campaign_id, mykey_hash, mykey_last4, cap_yen) VALUES ($1, sha256(random()::text::bytea), 'ABCD', 5000) RETURNING id`, [campaignId])).rows;
      await c.query(`DELETE FROM participants WHERE id = $1`, [gone.id]);
      expect(await outcome(c.query(`INSERT INTO reservations (quota_id, participant_id, channel, reserved_at) VALUES ($1, $2, 'self_pc', now())`, [quotaId, gone.id]))).toMatch(
        /^23503 .*not present in table "participants"/,
      );
      await c.query('ROLLBACK');
    } finally {
      c.release();
    }
  });

  it('a participant with its reservation, as the fixtures write them, passes', async () => {
    const p = await sqlParticipant(t, { campaignId, quotaId });
    const [r] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reservations WHERE participant_id = $1`, [p.id]);
    expect(r.n).toBe(1);
  });
});
