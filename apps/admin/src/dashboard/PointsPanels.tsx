import { memo } from 'react';
import { useTranslate } from 'react-admin';
import { useLang } from '../common/enums';
import { bucketLabel, formatCount } from './format';
import { BarList } from './charts/BarList';
import { DistributionChart, PeriodBarChart } from './lazyCharts';
import { Panel } from './Panel';
import { bucketRange, type DashboardPeriod } from './period';
import { distributionRows, topServices } from './shape';
import type { PointsStats } from '@mynapoint/domain';
import type { DashboardLinks } from './useLinks';
import type { QueryState } from './useStat';

const TOP_SERVICES = 10;
const R = 'resources.dashboard.points';

/** Points awarded per week or month, by service, and the per-person totals against the cap. */
export const PointsPanels = memo(function PointsPanels({ query, period, links }: { query: QueryState<PointsStats>; period: DashboardPeriod; links: DashboardLinks }) {
  const translate = useTranslate();
  const lang = useLang();
  const scope = { from: period.from, to: period.to, campaignId: period.campaignId };
  const toAwards = links.opener('pointAwards', (extra: Record<string, unknown>) => ({ scope, extra }));
  const toPeriod = links.opener('pointAwards', (p: string, interval: PointsStats['interval']) => ({ scope: { ...scope, ...bucketRange(p, interval, { from: period.from, to: period.to }) } }));
  // Per-person totals are the campaign's standing, not the period's.
  const toParticipants = links.opener('participants', (extra: Record<string, unknown>) => ({ scope: { campaignId: period.campaignId }, extra }));
  const noPoints = (p: PointsStats) => p.totalPoints === 0;
  return (
    <>
      <Panel id="points-series" title={translate(`${R}.series_title`)} query={query} isEmpty={noPoints} emptyText={translate(`${R}.empty`)} height={260}>
        {(p) => (
          <PeriodBarChart
            rows={p.series}
            valueKey="points"
            valueName={translate(`${R}.points`)}
            interval={p.interval}
            lang={lang}
            onSelect={toPeriod && ((period: string) => toPeriod(period, p.interval))}
          />
        )}
      </Panel>
      <Panel id="points-service" title={translate(`${R}.by_service_title`)} query={query} isEmpty={noPoints} emptyText={translate(`${R}.empty`)} height={260}>
        {(p) => {
          const rows = topServices(p.byService, TOP_SERVICES, translate('resources.dashboard.services.other'), (s) => s.points);
          return (
            <BarList
              valueName={translate(`${R}.points`)}
              rows={rows.map((r) => ({ key: r.key, name: r.name, value: r.value, series: r.other ? 1 : 2 }))}
              onSelect={toAwards && ((_row, i) => toAwards({ paymentServiceId: rows[i].serviceIds.length === 1 ? rows[i].serviceIds[0] : rows[i].serviceIds }))}
            />
          );
        }}
      </Panel>
      <Panel
        id="points-distribution"
        wide
        title={translate(`${R}.distribution_title`)}
        query={query}
        isEmpty={(p) => p.distribution.every((b) => b.participants === 0)}
        emptyText={translate(`${R}.distribution_empty`)}
        height={280}
      >
        {(p) => {
          const rows = distributionRows(p);
          const cap = translate(`${R}.cap`);
          return (
            <DistributionChart
              rows={rows.map((r) => ({ key: r.key, name: bucketLabel(r.fromYen, r.toYen, r.atCap, cap), participants: r.participants, atCap: r.atCap }))}
              capLabel={translate(`${R}.cap_line`, { cap: formatCount(p.capYen) })}
              onSelect={toParticipants && ((i: number) => toParticipants(rows[i].atCap ? { capReached: true } : { pointsTotal_gte: rows[i].fromYen, pointsTotal_lte: rows[i].toYen }))}
            />
          );
        }}
      </Panel>
    </>
  );
});
