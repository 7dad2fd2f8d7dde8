import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { readEnum, readId, readInstant } from '../csv/cells';
import { firstOfKey, hasRepeats } from '../../common/db/staging';
import { ImportContext, ImportHandler, campaignByDate, jstDate } from './import-handler';

// As the API: an instant a little ahead of the server clock (an office PC running fast) is not the future.
const CLOCK_SLACK = `interval '5 minutes'`;

// The same reservation as another: a re-imported row is a duplicate, not an error.
const SAME_RESERVATION = (r: string, c: string) =>
  `${r}.quota_id = ${c}.quota_id AND ${r}.reserved_at = ${c}.reserved_at AND ${r}.channel = ${c}.channel
   AND ${r}.age_band IS NOT DISTINCT FROM ${c}.age_band AND ${r}.district IS NOT DISTINCT FROM ${c}.district
   AND ${r}.cert_renewed_at IS NOT DISTINCT FROM ${c}.cert_renewed_at`;

// Reservations (CSV: myKeyId, reservedAt, channel, ageBand, district, certRenewedAt,
// quotaId), under the API's rules: one participant per (campaign, MyKey ID), created
// with its reservation; one reservation per participant; a unit of the quota taken
// for each, never more than its capacity, even while the API takes units too; the
// quota's window holds reservedAt; nothing within 24 hours after a certificate renewal.
export const reservationsImport: ImportHandler = {
  type: 'reservations',
  stageTable: 'rs_stage',
  stageColumns: [
    ['mykey_hash', 'bytea'],
    ['mykey_last4', 'text'],
    ['reserved_at', 'timestamptz'],
    ['channel', 'text'],
    ['age_band', 'text'],
    ['district', 'text'],
    ['cert_renewed_at', 'timestamptz'],
    ['quota_id', 'int'],
  ],

  read(row) {
    const key = row.myKey(row.cell('myKeyId'));
    if (!key) return 'mykey_id_invalid';
    const reservedAt = readInstant(row.cell('reservedAt'));
    if (!reservedAt) return 'reserved_at_invalid';
    const channel = readEnum(row.cell('channel'), CHANNEL);
    if (!channel) return 'channel_invalid';
    const ageBand = readEnum(row.cell('ageBand'), AGE_BAND);
    if (ageBand === null) return 'age_band_invalid';
    const district = (row.cell('district') ?? '').trim();
    if (district.length > 40) return 'district_too_long';
    const certRenewedAt = readInstant(row.cell('certRenewedAt'));
    if (certRenewedAt === null) return 'cert_renewed_at_invalid';
    const quotaId = readId(row.cell('quotaId'));
    if (quotaId === null) return 'quota_id_invalid';
    return [key.hash, key.last4, reservedAt, channel, ageBand ?? null, district || null, certRenewedAt ?? null, quotaId ?? null];
  },

  async apply(ctx: ImportContext) {
    await classify(ctx);
    await ctx.sql('CREATE INDEX ON rs_cls (seq)');
    await ctx.sql('ANALYZE rs_cls');
    await ctx.phase('applying');
    const [{ pending }] = await ctx.sql<{ pending: number }>(`SELECT count(*)::int AS pending FROM rs_cls WHERE outcome = 'pending'`);
    // Chunks in reservedAt order, one after the other: first come, first served across them.
    for (let lo = 1; lo <= pending; lo += ctx.chunkRows) {
      const range = [lo, Math.min(pending, lo + ctx.chunkRows - 1)];
      await ctx.transaction(() => applyChunk(ctx, range, { importId: ctx.importId }));
    }
    return { table: 'rs_cls', pendingMeansAccepted: true };
  },
};

async function classify(ctx: ImportContext): Promise<void> {
  const repeats = await hasRepeats(ctx.sql, 'rs_stage', 'mykey_hash');
  await ctx.sql(
    `CREATE TEMP TABLE rs_cls AS
     WITH date_campaign AS (
       ${campaignByDate(`SELECT DISTINCT ${jstDate('reserved_at')} AS d FROM rs_stage WHERE err IS NULL`, 'reservation_opens_on', 'reservation_closes_on')}
     ), bounds AS (
       SELECT campaign_id, opens_at AS t FROM reservation_quotas UNION SELECT campaign_id, closes_at FROM reservation_quotas
     ), windows AS (
       -- The quota windows of each campaign cut into pieces that no quota boundary
       -- crosses; each piece belongs to the first quota (by opening, then id) that
       -- covers it. A plain range join then finds at most one quota per row.
       SELECT e.campaign_id, e.lo, e.hi,
              (SELECT q.id FROM reservation_quotas q
                WHERE q.campaign_id = e.campaign_id AND q.opens_at <= e.lo AND e.hi <= q.closes_at
                ORDER BY q.opens_at, q.id LIMIT 1) AS quota_id
       FROM (SELECT campaign_id, t AS lo, lead(t) OVER (PARTITION BY campaign_id ORDER BY t) AS hi FROM bounds) e
       WHERE e.hi IS NOT NULL
     ), resolved AS (
       SELECT s.*, COALESCE($1::int, qx.campaign_id, dc.campaign_id) AS campaign_id,
              qx.id AS qx_id, qx.campaign_id AS qx_campaign, qx.opens_at AS qx_opens, qx.closes_at AS qx_closes
       FROM rs_stage s
       LEFT JOIN date_campaign dc ON dc.d = ${jstDate('s.reserved_at')}
       LEFT JOIN reservation_quotas qx ON qx.id = s.quota_id
     ), joined AS (
       SELECT r.line, r.err, r.mykey_hash, r.mykey_last4, r.reserved_at, r.channel, r.age_band, r.district, r.cert_renewed_at, r.campaign_id,
              COALESCE(r.quota_id, w.quota_id) AS quota_id,
              (r.quota_id IS NOT NULL AND (r.qx_id IS NULL OR r.qx_campaign <> r.campaign_id)) AS quota_unknown,
              (CASE WHEN r.quota_id IS NOT NULL THEN NOT (r.qx_opens <= r.reserved_at AND r.reserved_at < r.qx_closes)
                    ELSE w.quota_id IS NULL END) AS quota_closed,
              ex.id AS existing_id, ex.quota_id AS ex_quota_id, ex.reserved_at AS ex_reserved_at, ex.channel AS ex_channel,
              ex.age_band AS ex_age_band, ex.district AS ex_district, ex.cert_renewed_at AS ex_cert_renewed_at
       FROM resolved r
       LEFT JOIN windows w ON r.quota_id IS NULL AND w.campaign_id = r.campaign_id AND r.reserved_at >= w.lo AND r.reserved_at < w.hi
       LEFT JOIN participants p ON p.campaign_id = r.campaign_id AND p.mykey_hash = r.mykey_hash
       LEFT JOIN reservations ex ON ex.participant_id = p.id
     ), checked AS (
       SELECT j.*,
         CASE
           WHEN j.err IS NOT NULL THEN j.err
           WHEN j.reserved_at > now() + ${CLOCK_SLACK} THEN 'reserved_at_in_future'
           WHEN j.cert_renewed_at IS NOT NULL AND j.reserved_at < j.cert_renewed_at + interval '24 hours' THEN 'within_24h_of_renewal'
           WHEN j.campaign_id IS NULL THEN 'campaign_unknown'
           WHEN j.quota_unknown THEN 'quota_unknown'
           WHEN j.existing_id IS NOT NULL AND j.ex_quota_id = j.quota_id AND j.ex_reserved_at = j.reserved_at AND j.ex_channel = j.channel
                AND j.ex_age_band IS NOT DISTINCT FROM j.age_band AND j.ex_district IS NOT DISTINCT FROM j.district
                AND j.ex_cert_renewed_at IS NOT DISTINCT FROM j.cert_renewed_at THEN 'duplicate'
           WHEN j.existing_id IS NOT NULL THEN 'already_reserved'
           WHEN j.quota_closed THEN 'quota_closed'
           ELSE 'ok'
         END AS pre
       FROM joined j
     ), ranked AS (
       -- One reservation per MyKey ID and campaign: the earliest acceptable row of the
       -- file counts; a later row is a duplicate when it says the same.
       SELECT ch.*, ${firstOfKey(repeats, 'ROW(quota_id, reserved_at, channel, age_band, district, cert_renewed_at)', 'w')}
       FROM checked ch
       WINDOW w AS (PARTITION BY campaign_id, mykey_hash, pre = 'ok' ORDER BY reserved_at, line)
     ), outcome AS (
       SELECT line, campaign_id, quota_id, mykey_hash, mykey_last4, reserved_at, channel, age_band, district, cert_renewed_at,
         CASE
           WHEN pre <> 'ok' THEN pre
           WHEN first_line = line THEN 'pending'
           WHEN first_row IS NOT DISTINCT FROM ROW(quota_id, reserved_at, channel, age_band, district, cert_renewed_at) THEN 'duplicate'
           ELSE 'mykey_repeated_in_file'
         END AS outcome
       FROM ranked
     )
     -- First come, first served: pending rows in reservedAt order (then file order).
     SELECT o.*, NULL::int AS participant_id,
            CASE WHEN outcome = 'pending' THEN row_number() OVER (PARTITION BY outcome = 'pending' ORDER BY reserved_at, line) END AS seq
     FROM outcome o`,
    [ctx.campaignId],
  );
}

async function applyChunk(ctx: ImportContext, [lo, hi]: number[], by: { importId: number }): Promise<void> {
  const sql = ctx.sql;
  const chunk = `seq BETWEEN ${Number(lo)} AND ${Number(hi)}`;
  // The API's order: the participant first, then the quota unit. A reservation
  // request for the same MyKey ID waits for (or is waited on by) the participant
  // insert, never while holding a quota row this transaction needs.
  // A new participant carries its reservation's time already (the participants list's
  // copy): the reservation insert's trigger then rewrites none of them, where setting
  // it afterwards would write every participant of the chunk a second time. One whose
  // row finds no unit is deleted below, copy and all.
  await sql(
    `INSERT INTO participants (campaign_id, measure_id, mykey_hash, mykey_last4, cap_yen, reserved_at)
     WITH cp AS MATERIALIZED ( -- each campaign's cap once, share-locked (campaign_cap_shared), and its first measure (a reservation's)
       SELECT campaign_id AS id, campaign_cap_shared(campaign_id) AS cap_per_person_yen,
              (SELECT min(m.id) FROM measures m WHERE m.campaign_id = d.campaign_id) AS measure_id
         FROM (SELECT DISTINCT campaign_id FROM rs_cls WHERE outcome = 'pending' AND ${chunk}) d)
     SELECT c.campaign_id, cp.measure_id, c.mykey_hash, c.mykey_last4, cp.cap_per_person_yen, c.reserved_at
     FROM rs_cls c JOIN cp ON cp.id = c.campaign_id
     WHERE c.outcome = 'pending' AND c.${chunk}
     ON CONFLICT ON CONSTRAINT participants_one_per_mykey DO NOTHING`,
  );
  // The quotas, locked in id order: the API's single \`used + 1\` waits for this
  // transaction, then sees the units it took.
  await sql(`SELECT id FROM reservation_quotas WHERE id IN (SELECT quota_id FROM rs_cls WHERE outcome = 'pending' AND ${chunk}) ORDER BY id FOR UPDATE`);
  // Each row's fate in one pass: reserved through the API since classification
  // (the same reservation, or another); else a unit while the quota has one, first
  // come, first served by reservedAt; else the quota is full. The reservations are
  // inserted and the units counted in the same statement; only the rows not
  // accepted get their outcome written (a row still pending once its chunk has
  // committed was accepted: rewriting every row to say so cost more than the insert's
  // own checks).
  const [r] = await sql<{ matched: number }>(
    `WITH x AS MATERIALIZED (
       SELECT c2.seq, c2.quota_id, c2.channel, c2.reserved_at, c2.age_band, c2.district, c2.cert_renewed_at,
              p.id AS participant_id, r.participant_id IS NOT NULL AS reserved,
              COALESCE(${SAME_RESERVATION('r', 'c2')}, false) AS same,
              row_number() OVER (PARTITION BY c2.quota_id, r.participant_id IS NULL ORDER BY c2.seq) AS rn,
              q.capacity - q.used AS room
       FROM rs_cls c2
       JOIN participants p ON p.campaign_id = c2.campaign_id AND p.mykey_hash = c2.mykey_hash
       JOIN reservation_quotas q ON q.id = c2.quota_id
       LEFT JOIN reservations r ON r.participant_id = p.id
       WHERE c2.outcome = 'pending' AND c2.${chunk}
     ), ins AS (
       INSERT INTO reservations (quota_id, participant_id, channel, reserved_at, age_band, district, cert_renewed_at, import_id)
       SELECT quota_id, participant_id, channel, reserved_at, age_band, district, cert_renewed_at, $1
       FROM x WHERE NOT reserved AND rn <= room
       RETURNING quota_id
     ), units AS (
       UPDATE reservation_quotas q SET used = q.used + t.n, updated_at = now()
       FROM (SELECT quota_id, count(*)::int AS n FROM ins GROUP BY quota_id) t
       WHERE q.id = t.quota_id
     ), refused AS (
       UPDATE rs_cls c SET participant_id = x.participant_id,
              outcome = CASE WHEN x.reserved THEN CASE WHEN x.same THEN 'duplicate' ELSE 'already_reserved' END ELSE 'quota_full' END
       FROM x WHERE c.${chunk} AND c.seq = x.seq AND (x.reserved OR x.rn > x.room)
     )
     SELECT count(*)::int AS matched FROM x`,
    [by.importId],
  );
  // Every pending row of the chunk found its participant, just inserted or already
  // there. One deleted through the API in between would leave a row pending that was
  // not applied: run the chunk again (its participant is then inserted anew).
  if (r.matched !== hi - lo + 1) throw Object.assign(new Error('a participant of the chunk was deleted meanwhile'), { code: '40001' });
  // A participant exists only with its reservation: those enrolled above whose row
  // found no unit go again, before anyone else could see them.
  await sql(
    `DELETE FROM participants p USING rs_cls c
     WHERE c.outcome = 'quota_full' AND c.${chunk} AND p.id = c.participant_id
       AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.participant_id = p.id)`,
  );
}
