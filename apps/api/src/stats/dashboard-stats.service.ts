import { Injectable } from '@nestjs/common';
import { AGE_BAND, CHANNEL, MunicipalityStats, MunicipalityStatsRow, PointsStats, SummaryStats, UptakeByDistrict, UptakeStats, addDays, nextPeriod } from '@mynapoint/domain';
import { requireTenant } from '../common/db/tenant';
import { badQuery } from '../common/list/list-query';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { DashboardStatsRepository } from './dashboard-stats.repository';
import { DEFAULT_RANGE_DAYS, OpenStatsQuery, StatsQuery, closeStatsQuery } from './stats-query';

// The rules of the dashboard's summary, uptake and points: zero-filled series and
// breakdowns, cumulative sums, the districts of the city's settings, the points
// distribution. The statements are in dashboard-stats.repository.ts.

const BUCKET_STEP = 500;

@Injectable()
export class DashboardStatsService {
  constructor(
    private readonly repo: DashboardStatsRepository,
    private readonly municipalitySettings: MunicipalitiesService,
  ) {}

  async summary(q: StatsQuery): Promise<SummaryStats> {
    await this.assertCampaign(q.campaignId);
    const monthFrom = `${q.today.slice(0, 7)}-01`;
    const r = await this.repo.summary(q, [monthFrom, nextPeriod(monthFrom, 'month')]);
    return {
      from: q.from,
      to: q.to,
      campaignId: q.campaignId,
      reservations: r.reservations,
      applications: r.applications,
      awardedParticipants: r.awarded,
      pointsAwarded: Number(r.points),
      capReachedParticipants: r.at_cap,
      capReachedShare: r.awarded ? r.at_cap / r.awarded : 0,
      quotaCapacity: r.capacity,
      quotaUsed: r.used,
      quotaRemaining: r.capacity - r.used,
      assistedVisitsThisMonth: r.visits,
      openFraudAlerts: r.fraud,
    };
  }

  async uptake(q: StatsQuery): Promise<UptakeStats> {
    await this.assertCampaign(q.campaignId);
    const [r, settings] = await Promise.all([this.repo.uptake(q), this.districtSettings()]);
    const cells = r.cells ?? [];
    const byPeriod = new Map(cells.filter((c) => c.period !== null).map((c) => [c.period, c]));
    let cumR = Number(r.before.r);
    let cumA = Number(r.before.a);
    const series = q.periods.map((period) => {
      const c = byPeriod.get(period);
      cumR += c?.r ?? 0;
      cumA += c?.a ?? 0;
      return { period, reservations: c?.r ?? 0, applications: c?.a ?? 0, cumulativeReservations: cumR, cumulativeApplications: cumA };
    });
    const of = (dimension: string) => new Map(cells.filter((c) => c.dimension === dimension).map((c) => [c.value, c]));

    const channels = of('channel');
    const byChannel = [...CHANNEL.values, ...[...channels.keys()].filter((k): k is string => !!k && !CHANNEL.has(k))].map((channel) => ({
      channel,
      reservations: channels.get(channel)?.r ?? 0,
      applications: channels.get(channel)?.a ?? 0,
    }));

    const ages = of('age_band');
    const byAgeBand = [...AGE_BAND.values, ...(ages.has(null) ? [null] : [])].map((ageBand) => ({
      ageBand,
      reservations: ages.get(ageBand)?.r ?? 0,
      applications: ages.get(ageBand)?.a ?? 0,
    }));

    const districts = of('district');
    let byDistrict: UptakeByDistrict[] = [];
    if (settings) {
      const population = settings.population;
      // Districts nobody configured follow in a fixed order: the query's GROUP BY gives
      // none, and the same figures must come back the same way every time.
      const others = [...districts.keys()].filter((d): d is string => d !== null).sort((x, y) => x.localeCompare(y, 'ja'));
      const named = [...new Set([...settings.districts, ...Object.keys(population), ...others])];
      byDistrict = [...named, ...(districts.has(null) ? [null] : [])].map((district) => {
        const reservations = districts.get(district)?.r ?? 0;
        const pop = district !== null ? (population[district] ?? null) : null;
        return { district, reservations, applications: districts.get(district)?.a ?? 0, population: pop, share: pop ? reservations / pop : null };
      });
    }

    const byService = r.services.map((s) => ({ paymentServiceId: s.id, name: s.name, kind: s.kind, applications: s.a }));
    const kinds = new Map<string, number>();
    for (const s of byService) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + s.applications);
    const byServiceKind = [...kinds].map(([kind, applications]) => ({ kind, applications })).sort((a, b) => b.applications - a.applications || a.kind.localeCompare(b.kind));

    const last = series[series.length - 1];
    return {
      from: q.from,
      to: q.to,
      interval: q.interval,
      campaignId: q.campaignId,
      quotaCapacity: r.capacity,
      series,
      funnel: { reserved: last.cumulativeReservations, applied: last.cumulativeApplications, awarded: r.awarded },
      byChannel,
      byService,
      byServiceKind,
      byAgeBand,
      byDistrict,
    };
  }

  async points(q: StatsQuery): Promise<PointsStats> {
    await this.assertCampaign(q.campaignId);
    const r = await this.repo.points(q);
    const cells = r.cells ?? [];
    const perPeriod = new Map(cells.filter((c) => c.period !== null).map((c) => [c.period, c]));
    const perService = cells.filter((c) => c.service !== null);
    const names = new Map(r.services.map((s) => [s.id, s.name]));

    // Participants hold the cap of their campaign; with every campaign, the last
    // bucket is "at their cap" and is labelled with the highest cap.
    const capYen = r.cap ?? 0;
    const buckets = r.buckets ?? [];
    const distribution: PointsStats['distribution'] = [];
    for (let from = 0; from < capYen; from += BUCKET_STEP) {
      const fromYen = Math.max(from, 1);
      const participants = buckets.filter((b) => b.bucket_yen !== b.cap_yen && b.bucket_yen === fromYen).reduce((n, b) => n + b.n, 0);
      distribution.push({ fromYen, toYen: Math.min(from + BUCKET_STEP, capYen) - 1, participants });
    }
    const atCap = buckets.filter((b) => b.bucket_yen === b.cap_yen).reduce((n, b) => n + b.n, 0);
    if (capYen > 0) distribution.push({ fromYen: capYen, toYen: capYen, participants: atCap });

    const series = q.periods.map((period) => ({ period, points: Number(perPeriod.get(period)?.points ?? 0), awards: perPeriod.get(period)?.awards ?? 0 }));
    return {
      from: q.from,
      to: q.to,
      interval: q.interval,
      campaignId: q.campaignId,
      capYen,
      totalPoints: series.reduce((n, s) => n + s.points, 0),
      awards: series.reduce((n, s) => n + s.awards, 0),
      awardedParticipants: buckets.reduce((n, b) => n + b.n, 0),
      capReachedParticipants: atCap,
      series,
      byService: perService
        .map((c) => ({ paymentServiceId: c.service!, name: names.get(c.service!) ?? '', points: Number(c.points), awards: c.awards }))
        .sort((a, b) => b.points - a.points || b.awards - a.awards || a.paymentServiceId - b.paymentServiceId),
      distribution,
    };
  }

  async municipalities(open: OpenStatsQuery): Promise<MunicipalityStats> {
    await this.assertCampaign(open.campaignId);
    // Without `from`: since the first campaign in scope opened (the dashboard's
    // "since the campaign began", which a prefecture user cannot work out itself: it
    // reads no campaigns list).
    const first = open.from === null ? await this.repo.firstCampaignDay(open.campaignId) : null;
    const q = closeStatsQuery(open, first && first <= open.to ? first : addDays(open.to, -(DEFAULT_RANGE_DAYS - 1)));
    const rows = await this.repo.municipalities(q);
    const municipalities: MunicipalityStatsRow[] = rows.map((r) => {
      const population = r.population === null ? null : Number(r.population);
      return {
        code: r.code,
        name: r.name,
        reservations: r.reservations,
        applications: r.applications,
        pointsAwarded: Number(r.points),
        assistedVisits: r.visits,
        assistedMinutes: r.minutes,
        fraudReports: r.reports,
        population,
        uptakeShare: population ? r.reservations / population : null,
      };
    });
    const sum = (f: (m: MunicipalityStatsRow) => number) => municipalities.reduce((n, m) => n + f(m), 0);
    // The share over the municipalities whose population is known, so one without it
    // does not lower the prefecture's figure.
    const counted = municipalities.filter((m) => m.population);
    const population = counted.length ? counted.reduce((n, m) => n + m.population!, 0) : null;
    return {
      from: q.from,
      to: q.to,
      municipalities,
      total: {
        reservations: sum((m) => m.reservations),
        applications: sum((m) => m.applications),
        pointsAwarded: sum((m) => m.pointsAwarded),
        assistedVisits: sum((m) => m.assistedVisits),
        assistedMinutes: sum((m) => m.assistedMinutes),
        fraudReports: sum((m) => m.fraudReports),
        population,
        uptakeShare: population ? counted.reduce((n, m) => n + m.reservations, 0) / population : null,
      },
    };
  }

  /**
   * The districts byDistrict lists, with their populations: those of the one
   * municipality in scope. Null for a prefecture user across several: district names
   * belong to each municipality (two may share one), so it gets no district breakdown.
   */
  private async districtSettings(): Promise<{ districts: string[]; population: Record<string, number> } | null> {
    const scope = requireTenant().statsMunicipalities;
    if (scope && scope.length !== 1) return null;
    // One way to read a municipality's settings: its own, or the one a prefecture narrowed to.
    const m = await this.municipalitySettings.current(scope?.[0] ?? null);
    return { districts: m?.districts ?? [], population: m?.districtPopulation ?? {} };
  }

  private async assertCampaign(id: number | null): Promise<void> {
    if (id === null) return;
    if (!(await this.repo.campaignExists(id))) throw badQuery(`campaignId のキャンペーン（ID: ${id}）はありません。`);
  }
}
