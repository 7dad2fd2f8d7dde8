import { Injectable } from '@nestjs/common';
import { ASSISTANCE_OUTCOME, CHANNEL, FRAUD_CHANNEL, OFFICE, TRANSACTION_KIND, addDays } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';
import type { MonthlyReport } from './monthly-report';

// Every statement of the reports feature: the monthly report's figures, read from the
// other features' tables (read-only). The service checks the query and renders.

/** The report's figures; the service adds who it is for and when it was made. */
export type MonthlyFigures = Omit<MonthlyReport, 'cityName' | 'generatedAt' | 'cardUptake' | 'measures'>;

// Month bounds as JST instants and dates. Every query below is bounded by the month
// (or "to date" = up to the month's end) and uses the tables' date indexes.
function bounds(month: string) {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, next, last: addDays(next, -1) };
}

const JST_FROM = `($1::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`;
const JST_TO = `($2::date)::timestamp AT TIME ZONE 'Asia/Tokyo'`;

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Db) {}

  /** The month's figures for the campaign asked for, or the one whose periods cover the month. */
  @GenerateSql({ name: 'campaign chosen', params: ['2020-09', 1] }, { name: 'campaign of the month', params: ['2020-09'] })
  async monthly(month: string, campaignId?: number): Promise<MonthlyFigures> {
    const { first, next } = bounds(month);
    const campaign = await this.campaign(first, campaignId);
    const cid = campaign?.id ?? 0;
    const p = [first, next, cid];

    const [uptake, daily, byChannel, services, points, pointsByService, pointsByKind, counter, outcomes, reasons, offices, fraud, fraudByChannel, notices] =
      await Promise.all([
        this.db.one<Record<string, number>>(
          `SELECT
             (SELECT count(*) FROM reservations r JOIN participants pa ON pa.id = r.participant_id WHERE pa.campaign_id = $3 AND r.reserved_at >= ${JST_FROM} AND r.reserved_at < ${JST_TO}) AS "reservationsInMonth",
             (SELECT count(*) FROM reservations r JOIN participants pa ON pa.id = r.participant_id WHERE pa.campaign_id = $3 AND r.reserved_at < ${JST_TO}) AS "reservationsToDate",
             (SELECT count(*) FROM applications a JOIN participants pa ON pa.id = a.participant_id WHERE pa.campaign_id = $3 AND a.applied_at >= ${JST_FROM} AND a.applied_at < ${JST_TO}) AS "applicationsInMonth",
             (SELECT count(*) FROM applications a JOIN participants pa ON pa.id = a.participant_id WHERE pa.campaign_id = $3 AND a.applied_at < ${JST_TO}) AS "applicationsToDate",
             (SELECT coalesce(sum(capacity), 0) FROM reservation_quotas WHERE campaign_id = $3) AS "quotaCapacity",
             (SELECT coalesce(sum(used), 0) FROM reservation_quotas WHERE campaign_id = $3) AS "quotaUsed"`,
          p,
        ),
        this.db.query<{ date: string; reservations: number; applications: number }>(
          `WITH days AS (SELECT d::date AS day FROM generate_series($1::date, $2::date - 1, interval '1 day') d),
                r AS (SELECT (r.reserved_at AT TIME ZONE 'Asia/Tokyo')::date AS day, count(*) AS n FROM reservations r JOIN participants pa ON pa.id = r.participant_id
                       WHERE pa.campaign_id = $3 AND r.reserved_at >= ${JST_FROM} AND r.reserved_at < ${JST_TO} GROUP BY 1),
                a AS (SELECT (a.applied_at AT TIME ZONE 'Asia/Tokyo')::date AS day, count(*) AS n FROM applications a JOIN participants pa ON pa.id = a.participant_id
                       WHERE pa.campaign_id = $3 AND a.applied_at >= ${JST_FROM} AND a.applied_at < ${JST_TO} GROUP BY 1)
           SELECT to_char(days.day, 'YYYY-MM-DD') AS date, coalesce(r.n, 0) AS reservations, coalesce(a.n, 0) AS applications
             FROM days LEFT JOIN r USING (day) LEFT JOIN a USING (day) ORDER BY days.day`,
          p,
        ),
        this.db.query<{ channel: string; reservations: number; applications: number }>(
          `SELECT c.channel,
                  (SELECT count(*) FROM reservations r JOIN participants pa ON pa.id = r.participant_id WHERE pa.campaign_id = $3 AND r.channel = c.channel AND r.reserved_at >= ${JST_FROM} AND r.reserved_at < ${JST_TO}) AS reservations,
                  (SELECT count(*) FROM applications a JOIN participants pa ON pa.id = a.participant_id WHERE pa.campaign_id = $3 AND a.channel = c.channel AND a.applied_at >= ${JST_FROM} AND a.applied_at < ${JST_TO}) AS applications
             FROM unnest($4::text[]) AS c(channel)`,
          [...p, CHANNEL.values],
        ),
        this.db.query<{ name: string; kind: string; inMonth: number; toDate: number }>(
          `SELECT ps.name, ps.kind,
                  count(*) FILTER (WHERE a.applied_at >= ${JST_FROM}) AS "inMonth", count(*) AS "toDate"
             FROM applications a JOIN participants pa ON pa.id = a.participant_id JOIN payment_services ps ON ps.id = a.payment_service_id
            WHERE pa.campaign_id = $3 AND a.applied_at < ${JST_TO}
            GROUP BY ps.id ORDER BY "toDate" DESC, ps.name`,
          p,
        ),
        this.db.one<Record<string, number>>(
          `SELECT
             (SELECT count(*) FROM point_awards WHERE campaign_id = $3 AND transaction_date >= $1::date AND transaction_date < $2::date) AS "awardsInMonth",
             (SELECT coalesce(sum(points), 0) FROM point_awards WHERE campaign_id = $3 AND transaction_date >= $1::date AND transaction_date < $2::date) AS "pointsInMonth",
             (SELECT coalesce(sum(amount_yen), 0) FROM point_awards WHERE campaign_id = $3 AND transaction_date >= $1::date AND transaction_date < $2::date) AS "amountInMonth",
             (SELECT coalesce(sum(points), 0) FROM point_awards WHERE campaign_id = $3 AND transaction_date < $2::date) AS "pointsToDate",
             (SELECT count(*) FROM (SELECT participant_id FROM point_awards WHERE campaign_id = $3 AND transaction_date < $2::date GROUP BY participant_id) x) AS "participantsWithPointsToDate",
             (SELECT count(*) FROM (SELECT pw.participant_id FROM point_awards pw JOIN participants pa ON pa.id = pw.participant_id
                                     WHERE pw.campaign_id = $3 AND pw.transaction_date < $2::date GROUP BY pw.participant_id, pa.cap_yen HAVING sum(pw.points) >= pa.cap_yen) x) AS "participantsAtCapToDate"`,
          p,
        ),
        this.db.query<{ name: string; awards: number; points: number }>(
          `SELECT ps.name, count(*) AS awards, sum(pw.points) AS points FROM point_awards pw JOIN payment_services ps ON ps.id = pw.payment_service_id
            WHERE pw.campaign_id = $3 AND pw.transaction_date >= $1::date AND pw.transaction_date < $2::date GROUP BY ps.id ORDER BY points DESC, ps.name`,
          p,
        ),
        this.db.query<{ kind: string; awards: number; points: number }>(
          `SELECT k.kind, count(pw.id) AS awards, coalesce(sum(pw.points), 0) AS points FROM unnest($4::text[]) AS k(kind)
             LEFT JOIN point_awards pw ON pw.kind = k.kind AND pw.campaign_id = $3 AND pw.transaction_date >= $1::date AND pw.transaction_date < $2::date
            GROUP BY k.kind`,
          [...p, TRANSACTION_KIND.values],
        ),
        this.db.one<{ visits: number; minutes: number }>(
          `SELECT count(*) AS visits, coalesce(sum(duration_minutes), 0) AS minutes FROM assistance_records WHERE visited_at >= ${JST_FROM} AND visited_at < ${JST_TO}`,
          [first, next],
        ),
        this.db.query<{ outcome: string; visits: number }>(
          `SELECT o.outcome, count(ar.id) AS visits FROM unnest($3::text[]) AS o(outcome)
             LEFT JOIN assistance_records ar ON ar.outcome = o.outcome AND ar.visited_at >= ${JST_FROM} AND ar.visited_at < ${JST_TO} GROUP BY o.outcome`,
          [first, next, ASSISTANCE_OUTCOME.values],
        ),
        this.db.query<{ reason: string; visits: number }>(
          `SELECT unable_reason AS reason, count(*) AS visits FROM assistance_records
            WHERE outcome = 'unable' AND visited_at >= ${JST_FROM} AND visited_at < ${JST_TO} GROUP BY unable_reason ORDER BY visits DESC`,
          [first, next],
        ),
        this.db.query<{ office: string; visits: number }>(
          `SELECT o.office, count(ar.id) AS visits FROM unnest($3::text[]) WITH ORDINALITY AS o(office, n)
             LEFT JOIN assistance_records ar ON ar.office = o.office AND ar.visited_at >= ${JST_FROM} AND ar.visited_at < ${JST_TO}
            GROUP BY o.office, o.n ORDER BY o.n`,
          [first, next, OFFICE.values],
        ),
        this.db.one<{ reports: number; damageYen: number; stillOpen: number }>(
          `SELECT count(*) FILTER (WHERE reported_at >= ${JST_FROM}) AS reports,
                  coalesce(sum(damage_yen) FILTER (WHERE reported_at >= ${JST_FROM}), 0) AS "damageYen",
                  count(*) FILTER (WHERE status IN ('new', 'investigating')) AS "stillOpen"
             FROM fraud_alerts WHERE reported_at < ${JST_TO}`,
          [first, next],
        ),
        this.db.query<{ channel: string; reports: number }>(
          `SELECT c.channel, count(f.id) AS reports FROM unnest($3::text[]) AS c(channel)
             LEFT JOIN fraud_alerts f ON f.channel = c.channel AND f.reported_at >= ${JST_FROM} AND f.reported_at < ${JST_TO} GROUP BY c.channel`,
          [first, next, FRAUD_CHANNEL.values],
        ),
        this.db.query<{ title: string; publishedAt: Date }>(
          `SELECT notice_title AS title, notice_published_at AS "publishedAt" FROM fraud_alerts
            WHERE notice_published_at >= ${JST_FROM} AND notice_published_at < ${JST_TO} ORDER BY notice_published_at DESC`,
          [first, next],
        ),
      ]);

    const order = <T extends string>(values: readonly T[], rows: { [k: string]: unknown }[], key: string) =>
      values.map((v) => rows.find((r) => r[key] === v)).filter(Boolean);

    return {
      month,
      campaign,
      uptake: {
        reservationsInMonth: uptake!.reservationsInMonth,
        reservationsToDate: uptake!.reservationsToDate,
        applicationsInMonth: uptake!.applicationsInMonth,
        applicationsToDate: uptake!.applicationsToDate,
        quotaCapacity: uptake!.quotaCapacity,
        quotaUsed: uptake!.quotaUsed,
        byChannel: order(CHANNEL.values, byChannel, 'channel') as MonthlyReport['uptake']['byChannel'],
        daily,
      },
      applicationsByService: services as MonthlyReport['applicationsByService'],
      points: {
        awardsInMonth: points!.awardsInMonth,
        pointsInMonth: points!.pointsInMonth,
        amountInMonth: points!.amountInMonth,
        participantsWithPointsToDate: points!.participantsWithPointsToDate,
        participantsAtCapToDate: points!.participantsAtCapToDate,
        pointsToDate: points!.pointsToDate,
        byService: pointsByService,
        byKind: order(TRANSACTION_KIND.values, pointsByKind, 'kind') as MonthlyReport['points']['byKind'],
      },
      counter: {
        visits: counter!.visits,
        minutes: counter!.minutes,
        byOutcome: order(ASSISTANCE_OUTCOME.values, outcomes, 'outcome') as MonthlyReport['counter']['byOutcome'],
        unableReasons: reasons as MonthlyReport['counter']['unableReasons'],
        byOffice: offices,
      },
      fraud: {
        reports: fraud!.reports,
        damageYen: fraud!.damageYen,
        stillOpen: fraud!.stillOpen,
        byChannel: order(FRAUD_CHANNEL.values, fraudByChannel, 'channel') as MonthlyReport['fraud']['byChannel'],
        notices: notices.map((n) => ({ title: n.title, publishedAt: new Date(n.publishedAt).toISOString() })),
      },
    };
  }

  /** The campaign asked for, or the one whose earning or application period covers the month, else the latest. */
  private async campaign(first: string, campaignId?: number): Promise<MonthlyReport['campaign']> {
    const row = await this.db.one<NonNullable<MonthlyReport['campaign']>>(
      `SELECT id, name, award_rate_percent AS "awardRatePercent", cap_per_person_yen AS "capPerPersonYen" FROM campaigns
        WHERE ($2::int IS NULL OR id = $2)
        ORDER BY ($1::date BETWEEN least(reservation_opens_on, application_opens_on) AND greatest(earning_ends_on, application_closes_on)) DESC, reservation_opens_on DESC
        LIMIT 1`,
      [first, campaignId ?? null],
    );
    return row ?? null;
  }
}
