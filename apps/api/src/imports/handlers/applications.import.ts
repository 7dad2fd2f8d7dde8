import { CHANNEL } from '@mynapoint/domain';
import { readBool, readEnum, readId, readInstant } from '../csv/cells';
import { firstOfKey, hasRepeats } from '../../common/db/staging';
import { ImportContext, ImportHandler, jstDate } from './import-handler';

const SAME_APPLICATION = (a: string, c: string) =>
  `${a}.payment_service_id = ${c}.payment_service_id AND ${a}.applied_at = ${c}.applied_at AND ${a}.channel = ${c}.channel
   AND ${a}.pre_registered = ${c}.pre_registered AND ${a}.cert_renewed_at IS NOT DISTINCT FROM ${c}.cert_renewed_at`;

// Applications (CSV: myKeyId, paymentServiceId or paymentService, appliedAt, channel,
// preRegistered, certRenewedAt), under the API's rules: a reservation first (the
// campaign is the one chosen at upload, else the one where the MyKey ID reserved);
// one application per participant, never changed; not before the reservation nor in
// the future; the service active and open for applications on the (JST) application
// date, which lies in the campaign's application period; pre-registration confirmed
// where the service needs it; nothing within 24 hours after a certificate renewal.
export const applicationsImport: ImportHandler = {
  type: 'applications',
  stageTable: 'ap_stage',
  stageColumns: [
    ['mykey_hash', 'bytea'],
    ['payment_service_id', 'int'],
    ['payment_service_name', 'text'],
    ['applied_at', 'timestamptz'],
    ['channel', 'text'],
    ['pre_registered', 'boolean'],
    ['cert_renewed_at', 'timestamptz'],
  ],

  read(row) {
    const key = row.myKey(row.cell('myKeyId'));
    if (!key) return 'mykey_id_invalid';
    const serviceId = readId(row.cell('paymentServiceId'));
    const serviceName = (row.cell('paymentService') ?? '').trim();
    if (serviceId === null || (serviceId === undefined && !serviceName)) return 'payment_service_invalid';
    const appliedAt = readInstant(row.cell('appliedAt'));
    if (!appliedAt) return 'applied_at_invalid';
    const channel = readEnum(row.cell('channel'), CHANNEL);
    if (!channel) return 'channel_invalid';
    const preRegistered = readBool(row.cell('preRegistered'));
    if (preRegistered === null) return 'pre_registered_invalid';
    const certRenewedAt = readInstant(row.cell('certRenewedAt'));
    if (certRenewedAt === null) return 'cert_renewed_at_invalid';
    return [key.hash, serviceId ?? null, serviceId === undefined ? serviceName : null, appliedAt, channel, preRegistered ?? false, certRenewedAt ?? null];
  },

  async apply(ctx: ImportContext) {
    await classify(ctx);
    await ctx.sql('ANALYZE ap_cls');
    await ctx.phase('applying');
    await ctx.transaction(async () => {
      // The participants locked, in id order (as the point awards): the API's deletion
      // of a reservation, or its own application for the same person, waits.
      await ctx.sql(`SELECT p.id FROM participants p WHERE p.id IN (SELECT participant_id FROM ap_cls WHERE outcome = 'pending') ORDER BY p.id FOR UPDATE`);
      await ctx.sql(
        `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel, pre_registered, cert_renewed_at, import_id)
         SELECT c.participant_id, c.payment_service_id, c.applied_at, c.channel, c.pre_registered, c.cert_renewed_at, $1
         FROM ap_cls c
         WHERE c.outcome = 'pending' AND EXISTS (SELECT 1 FROM reservations r WHERE r.participant_id = c.participant_id)
         ON CONFLICT (municipality_code, participant_id) DO NOTHING`,
        [ctx.importId],
      );
      await ctx.sql(
        `UPDATE ap_cls c SET outcome = 'accepted'
         WHERE c.outcome = 'pending' AND EXISTS (SELECT 1 FROM applications a WHERE a.participant_id = c.participant_id AND a.import_id = $1)`,
        [ctx.importId],
      );
      // Not inserted: applied meanwhile through the API, or the reservation was deleted.
      await ctx.sql(
        `UPDATE ap_cls c SET outcome = CASE WHEN ${SAME_APPLICATION('a', 'c')} THEN 'duplicate' ELSE 'already_applied' END
         FROM applications a WHERE c.outcome = 'pending' AND a.participant_id = c.participant_id`,
      );
      await ctx.sql(`UPDATE ap_cls SET outcome = 'no_reservation' WHERE outcome = 'pending'`);
    });
    return { table: 'ap_cls' };
  },
};

async function classify(ctx: ImportContext): Promise<void> {
  const repeats = await hasRepeats(ctx.sql, 'ap_stage', 'mykey_hash');
  await ctx.sql(
    `CREATE TEMP TABLE ap_cls AS
     WITH enrolled AS (
       -- As the API: the participant of this MyKey ID, in the campaign chosen at upload
       -- or, when none was chosen, in the one campaign where it reserved.
       SELECT s.line, min(p.id) AS participant_id, count(*) AS n
       -- (A reserved participant: a measure that takes no reservation is applied to through the API, by its measure.)
       FROM ap_stage s JOIN participants p ON p.mykey_hash = s.mykey_hash AND ($1::int IS NULL OR p.campaign_id = $1::int) AND p.reserved_at IS NOT NULL
       WHERE s.err IS NULL
       GROUP BY s.line
     ), joined AS (
       SELECT s.line, s.err, s.applied_at, ${jstDate('s.applied_at')} AS applied_on, s.channel, s.pre_registered, s.cert_renewed_at,
              ps.id AS payment_service_id, ps.status AS service_status, ps.applications_open_on, ps.pre_registration_required,
              e.n AS enrolled_in, p.id AS participant_id, p.campaign_id, c.application_opens_on, c.application_closes_on,
              r.reserved_at,
              a.id AS existing_id, a.payment_service_id AS ex_service, a.applied_at AS ex_applied_at, a.channel AS ex_channel,
              a.pre_registered AS ex_pre_registered, a.cert_renewed_at AS ex_cert_renewed_at
       FROM ap_stage s
       LEFT JOIN payment_services psn ON s.payment_service_id IS NULL AND lower(psn.name) = lower(s.payment_service_name)
                                     AND psn.municipality_code = current_municipality()
       LEFT JOIN payment_services ps ON ps.id = COALESCE(s.payment_service_id, psn.id)
       LEFT JOIN enrolled e ON e.line = s.line
       LEFT JOIN participants p ON p.id = e.participant_id AND e.n = 1
       LEFT JOIN campaigns c ON c.id = p.campaign_id
       LEFT JOIN reservations r ON r.participant_id = p.id
       LEFT JOIN applications a ON a.participant_id = p.id
     ), checked AS (
       SELECT j.*,
         CASE
           WHEN j.err IS NOT NULL THEN j.err
           WHEN j.payment_service_id IS NULL THEN 'payment_service_unknown'
           WHEN j.enrolled_in > 1 THEN 'campaign_ambiguous'
           WHEN j.reserved_at IS NULL THEN 'no_reservation'
           WHEN j.existing_id IS NOT NULL AND j.ex_service = j.payment_service_id AND j.ex_applied_at = j.applied_at AND j.ex_channel = j.channel
                AND j.ex_pre_registered = j.pre_registered AND j.ex_cert_renewed_at IS NOT DISTINCT FROM j.cert_renewed_at THEN 'duplicate'
           WHEN j.existing_id IS NOT NULL THEN 'already_applied'
           WHEN j.applied_at > now() + interval '5 minutes' THEN 'applied_at_in_future'
           WHEN j.applied_at < j.reserved_at THEN 'applied_before_reservation'
           WHEN j.service_status <> 'active' THEN 'payment_service_not_active'
           WHEN j.applied_on < j.applications_open_on THEN 'payment_service_not_open'
           WHEN j.applied_on NOT BETWEEN j.application_opens_on AND j.application_closes_on THEN 'outside_application_period'
           WHEN j.pre_registration_required AND NOT j.pre_registered THEN 'pre_registration_required'
           WHEN j.cert_renewed_at IS NOT NULL AND j.applied_at < j.cert_renewed_at + interval '24 hours' THEN 'within_24h_of_renewal'
           ELSE 'ok'
         END AS pre
       FROM joined j
     ), ranked AS (
       -- One application per participant: the earliest acceptable row of the file counts.
       SELECT ch.*, ${firstOfKey(repeats, 'ROW(payment_service_id, applied_at, channel, pre_registered, cert_renewed_at)', 'w')}
       FROM checked ch
       WINDOW w AS (PARTITION BY participant_id, pre = 'ok' ORDER BY applied_at, line)
     )
     SELECT line, campaign_id, participant_id, payment_service_id, applied_at, channel, pre_registered, cert_renewed_at,
       CASE
         WHEN pre <> 'ok' THEN pre
         WHEN first_line = line THEN 'pending'
         WHEN first_row IS NOT DISTINCT FROM ROW(payment_service_id, applied_at, channel, pre_registered, cert_renewed_at) THEN 'duplicate'
         ELSE 'mykey_repeated_in_file'
       END AS outcome
     FROM ranked`,
    [ctx.campaignId],
  );
}
