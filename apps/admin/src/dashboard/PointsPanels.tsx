import { memo } from 'react';
import { useTranslate } from 'react-admin';
import { useLang } from '../common/enums';
import { barTable, toChartTable } from './chartTable';
import { bucketLabel, formatCount, periodLabel } from './format';
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
  const T = 'resources.dashboard.table';
  const seriesTable = (p: PointsStats) =>
    toChartTable({
      rowHeader: translate(`${T}.period`),
      columns: [{ key: 'points', name: translate(`${R}.points`), value: (s: PointsStats['series'][number]) => s.points }],
      rows: p.series,
      rowKey: (s) => s.period,
      rowName: (s) => periodLabel(s.period, p.interval, lang),
      format: formatCount,
      onSelect: toPeriod && ((s) => toPeriod(s.period, p.interval)),
    });
  const services = (p: PointsStats) => {
    const rows = topServices(p.byService, TOP_SERVICES, translate('resources.dashboard.services.other'), (s) => s.points);
    return {
      rows: rows.map((r) => ({ key: r.key, name: r.name, value: r.value, series: r.other ? 1 : 2 })),
      onSelect: toAwards && ((_row: unknown, i: number) => toAwards({ paymentServiceId: rows[i].serviceIds.length === 1 ? rows[i].serviceIds[0] : rows[i].serviceIds })),
    };
  };
  const distribution = (p: PointsStats) => {
    const rows = distributionRows(p);
    const cap = translate(`${R}.cap`);
    return {
      rows: rows.map((r) => ({ key: r.key, name: bucketLabel(r.fromYen, r.toYen, r.atCap, cap), participants: r.participants, atCap: r.atCap })),
      onSelect: toParticipants && ((i: number) => toParticipants(rows[i].atCap ? { capReached: true } : { pointsTotal_gte: rows[i].fromYen, pointsTotal_lte: rows[i].toYen })),
    };
  };
  const distributionTable = (p: PointsStats) => {
    const d = distribution(p);
    const { onSelect } = d;
    return toChartTable({
      rowHeader: translate(`${T}.bucket`),
      columns: [{ key: 'participants', name: translate(`${R}.participants`), value: (r: (typeof d.rows)[number]) => r.participants }],
      rows: d.rows,
      rowKey: (r) => r.key,
      rowName: (r) => r.name,
      format: formatCount,
      onSelect: onSelect && ((_r, i) => onSelect(i)),
    });
  };
  return (
    <>
      <Panel id="points-series" title={translate(`${R}.series_title`)} query={query} isEmpty={noPoints} emptyText={translate(`${R}.empty`)} height={260} table={seriesTable}>
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
      <Panel
        id="points-service"
        title={translate(`${R}.by_service_title`)}
        query={query}
        isEmpty={noPoints}
        emptyText={translate(`${R}.empty`)}
        height={260}
        table={(p) => barTable(services(p).rows, { rowHeader: translate(`${T}.service`), valueName: translate(`${R}.points`), format: formatCount, onSelect: services(p).onSelect })}
      >
        {(p) => <BarList valueName={translate(`${R}.points`)} {...services(p)} />}
      </Panel>
      <Panel
        id="points-distribution"
        wide
        title={translate(`${R}.distribution_title`)}
        query={query}
        isEmpty={(p) => p.distribution.every((b) => b.participants === 0)}
        emptyText={translate(`${R}.distribution_empty`)}
        height={280}
        table={distributionTable}
      >
        {(p) => <DistributionChart {...distribution(p)} capLabel={translate(`${R}.cap_line`, { cap: formatCount(p.capYen) })} />}
      </Panel>
    </>
  );
});
