import { memo } from 'react';
import { useTranslate } from 'react-admin';
import { AGE_BAND, CHANNEL, PAYMENT_SERVICE_KIND, type UptakeStats } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { barTable, toChartTable } from './chartTable';
import { formatCount, formatPercent, periodLabel } from './format';
import { BarList } from './charts/BarList';
import { CumulativeChart, GroupedBarChart } from './lazyCharts';
import { Panel } from './Panel';
import { bucketRange, type DashboardPeriod } from './period';
import { districtRows, funnelRows, kindRows, topServices } from './shape';
import type { DashboardLinks } from './useLinks';
import type { QueryState } from './useStat';

const TOP_SERVICES = 8;
const R = 'resources.dashboard';

interface Props {
  query: QueryState<UptakeStats>;
  period: DashboardPeriod;
  links: DashboardLinks;
}

const noUptake = (u: UptakeStats) => u.series.every((s) => s.cumulativeReservations === 0 && s.cumulativeApplications === 0);

/** Uptake over time against the quota, the funnel, and uptake by channel. */
export const UptakePanels = memo(function UptakePanels({ query, period, links }: Props) {
  const translate = useTranslate();
  const lang = useLang();
  const scope = { from: period.from, to: period.to, campaignId: period.campaignId };
  // The funnel counts everyone up to the end of the period.
  const upTo = { to: period.to, campaignId: period.campaignId };
  // The chart opens a period's reservations; its table, each column's own list.
  const toBucket = (u: UptakeStats, kind: 'reservations' | 'applications') => links.opener(kind, (p: string) => ({ scope: { ...scope, ...bucketRange(p, u.interval, scope) } }));
  const cumulative = (u: UptakeStats) =>
    toChartTable({
      rowHeader: translate(`${R}.table.period`),
      columns: [
        { key: 'reservations', name: translate(`${R}.uptake.reservations`), value: (s: UptakeStats['series'][number]) => s.cumulativeReservations },
        { key: 'applications', name: translate(`${R}.uptake.applications`), value: (s: UptakeStats['series'][number]) => s.cumulativeApplications },
      ],
      rows: u.series,
      rowKey: (s) => s.period,
      rowName: (s) => periodLabel(s.period, u.interval, lang),
      format: formatCount,
      onSelect: (s, _i, key) => toBucket(u, key as 'reservations' | 'applications')?.(s.period),
    });
  const funnel = (u: UptakeStats) => {
    const targets = [
      links.opener('reservations', () => ({ scope: upTo })),
      links.opener('applications', () => ({ scope: upTo })),
      links.opener('participants', () => ({ scope, extra: { pointsTotal_gt: 0 } })),
    ];
    const rows = funnelRows(u.funnel).map((r, i) => ({
      key: r.stage,
      name: r.rate == null ? translate(`${R}.funnel.${r.stage}`) : `${translate(`${R}.funnel.${r.stage}`)}${translate('app.punct.paren', { text: formatPercent(r.rate) })}`,
      value: r.value,
      series: i,
    }));
    return { rows, onSelect: (_row: unknown, i: number) => targets[i]?.() };
  };
  const channels = (u: UptakeStats) => {
    const toReservations = links.opener('reservations', (channel: string) => ({ scope, extra: { channel } }));
    const toApplications = links.opener('applications', (channel: string) => ({ scope, extra: { channel } }));
    return {
      rows: u.byChannel.map((c) => ({ name: CHANNEL.label(c.channel, lang), channel: c.channel, reservations: c.reservations, applications: c.applications })),
      series: [
        { key: 'reservations', name: translate(`${R}.channel.reservations`) },
        { key: 'applications', name: translate(`${R}.channel.applications`) },
      ],
      onSelect: (row: Record<string, unknown>, key: string) => (key === 'reservations' ? toReservations : toApplications)?.(String(row.channel)),
    };
  };
  return (
    <>
      <Panel
        id="uptake"
        wide
        title={translate(`${R}.uptake.title`)}
        query={query}
        isEmpty={noUptake}
        emptyText={translate(`${R}.uptake.empty`)}
        height={300}
        label={query.data?.quotaCapacity ? `${translate(`${R}.uptake.title`)}${translate('app.punct.paren', { text: translate(`${R}.uptake.quota`, { count: formatCount(query.data.quotaCapacity) }) })}` : undefined}
        table={cumulative}
      >
        {(u) => <CumulativeChart series={u.series} quotaCapacity={u.quotaCapacity} interval={u.interval} lang={lang} onSelect={toBucket(u, 'reservations')} />}
      </Panel>
      <Panel
        id="funnel"
        title={translate(`${R}.funnel.title`)}
        query={query}
        isEmpty={(u) => u.funnel.reserved === 0 && u.funnel.applied === 0}
        emptyText={translate(`${R}.funnel.empty`)}
        height={120}
        table={(u) => barTable(funnel(u).rows, { rowHeader: translate(`${R}.table.stage`), valueName: translate(`${R}.table.people`), format: formatCount, onSelect: funnel(u).onSelect })}
      >
        {(u) => <BarList valueName={translate(`${R}.funnel.title`)} labelWidth={190} {...funnel(u)} />}
      </Panel>
      <Panel
        id="channel"
        title={translate(`${R}.channel.title`)}
        query={query}
        isEmpty={(u) => u.byChannel.every((c) => c.reservations === 0 && c.applications === 0)}
        emptyText={translate(`${R}.channel.empty`)}
        height={260}
        table={(u) => groupedTable(channels(u), translate(`${R}.table.channel`))}
      >
        {(u) => <GroupedBarChart {...channels(u)} />}
      </Panel>
    </>
  );
});

/** The table of a GroupedBarChart: one row per group, one column per series. */
function groupedTable<G extends { name: string } & Record<string, unknown>>(c: { rows: G[]; series: { key: string; name: string }[]; onSelect?: (row: G, key: string) => void }, rowHeader: string) {
  const { onSelect } = c;
  return toChartTable({
    rowHeader,
    columns: c.series.map((s) => ({ key: s.key, name: s.name, value: (r: G) => Number(r[s.key] ?? 0) })),
    rows: c.rows,
    rowKey: (r, i) => `${i}`,
    rowName: (r) => r.name,
    format: formatCount,
    onSelect: onSelect && ((r, _i, key) => onSelect(r, key)),
  });
}

/** Applications by payment service (top N and 「その他」) and by kind of service. */
export const ServicePanels = memo(function ServicePanels({ query, period, links }: Props) {
  const translate = useTranslate();
  const lang = useLang();
  const scope = { from: period.from, to: period.to, campaignId: period.campaignId };
  const toApplications = links.opener('applications', (ids: number[]) => ({ scope, extra: { paymentServiceId: ids.length === 1 ? ids[0] : ids } }));
  const noApplications = (u: UptakeStats) => u.byService.every((s) => s.applications === 0);
  const services = (u: UptakeStats) => {
    const rows = topServices(u.byService, TOP_SERVICES, translate(`${R}.services.other`), (s) => s.applications);
    return {
      rows: rows.map((r) => ({ key: r.key, name: r.name, value: r.value, series: r.other ? 1 : 0 })),
      onSelect: toApplications && ((_row: unknown, i: number) => toApplications(rows[i].serviceIds)),
    };
  };
  const kinds = (u: UptakeStats) => {
    const rows = kindRows(u.byServiceKind, u.byService);
    return {
      rows: rows.map((r, i) => ({ key: r.kind, name: PAYMENT_SERVICE_KIND.label(r.kind, lang), value: r.applications, series: i })),
      onSelect: toApplications && ((_row: unknown, i: number) => toApplications(rows[i].serviceIds)),
    };
  };
  const valueName = translate(`${R}.services.applications`);
  return (
    <>
      <Panel
        id="services"
        title={translate(`${R}.services.title`, { n: TOP_SERVICES })}
        query={query}
        isEmpty={noApplications}
        emptyText={translate(`${R}.services.empty`)}
        height={300}
        table={(u) => barTable(services(u).rows, { rowHeader: translate(`${R}.table.service`), valueName, format: formatCount, onSelect: services(u).onSelect })}
      >
        {(u) => <BarList valueName={valueName} {...services(u)} />}
      </Panel>
      <Panel
        id="kinds"
        title={translate(`${R}.kinds.title`)}
        query={query}
        isEmpty={noApplications}
        emptyText={translate(`${R}.kinds.empty`)}
        height={200}
        table={(u) => barTable(kinds(u).rows, { rowHeader: translate(`${R}.table.kind`), valueName, format: formatCount, onSelect: kinds(u).onSelect })}
      >
        {(u) => <BarList valueName={valueName} {...kinds(u)} />}
      </Panel>
    </>
  );
});

/**
 * Uptake by age band and by district (share of the population when it is configured).
 * `acrossMunicipalities`: a prefecture's figures for several municipalities, which have
 * no district breakdown (each municipality has its own districts).
 */
export const DemographicPanels = memo(function DemographicPanels({ query, period, links, acrossMunicipalities }: Props & { acrossMunicipalities?: boolean }) {
  const translate = useTranslate();
  const lang = useLang();
  const scope = { from: period.from, to: period.to, campaignId: period.campaignId };
  const unknown = translate(`${R}.unknown`);
  const noReservations = (u: UptakeStats) => u.byAgeBand.every((a) => a.reservations === 0 && a.applications === 0);
  // Applications carry no age or district: the participants list has both, with the application date.
  const toReservations = links.opener('reservations', (extra: Record<string, unknown>) => ({ scope, extra }));
  const toApplied = links.opener('participants', (extra: Record<string, unknown>) => ({ scope, extra: { ...extra, appliedAt_gte: scope.from, appliedAt_lte: scope.to } }));
  const ages = (u: UptakeStats) => ({
    rows: u.byAgeBand.map((a) => ({ name: a.ageBand ? AGE_BAND.label(a.ageBand, lang) : unknown, ageBand: a.ageBand, reservations: a.reservations, applications: a.applications })),
    series: [
      { key: 'reservations', name: translate(`${R}.channel.reservations`) },
      { key: 'applications', name: translate(`${R}.channel.applications`) },
    ],
    onSelect: (row: Record<string, unknown>, key: string) => (key === 'reservations' ? toReservations : toApplied)?.({ ageBand: row.ageBand as string | null }),
  });
  const districts = (u: UptakeStats) => {
    const d = districtRows(u.byDistrict);
    return {
      valueName: translate(d.mode === 'share' ? `${R}.district.share` : `${R}.district.reservations`),
      format: d.mode === 'share' ? (v: number) => `${v.toFixed(1)}%` : undefined,
      rows: d.rows.map((r) => ({ key: r.district ?? '-', name: r.district ?? unknown, value: r.value, series: r.district ? 0 : 6 })),
      onSelect: toReservations && ((_row: unknown, i: number) => toReservations({ district: d.rows[i].district })),
    };
  };
  const title = (u: UptakeStats | undefined) => translate(u && districtRows(u.byDistrict).mode === 'share' ? `${R}.district.title_share` : `${R}.district.title_count`);
  return (
    <>
      <Panel id="age" title={translate(`${R}.age.title`)} query={query} isEmpty={noReservations} emptyText={translate(`${R}.age.empty`)} height={260} table={(u) => groupedTable(ages(u), translate(`${R}.table.age`))}>
        {(u) => <GroupedBarChart {...ages(u)} />}
      </Panel>
      <Panel
        id="district"
        title={title(query.data)}
        query={query}
        isEmpty={(u) => u.byDistrict.every((d) => d.reservations === 0)}
        emptyText={translate(acrossMunicipalities ? `${R}.district.pick_municipality` : `${R}.district.empty`)}
        height={200}
        table={(u) => barTable(districts(u).rows, { rowHeader: translate(`${R}.table.district`), valueName: districts(u).valueName, format: districts(u).format ?? formatCount, onSelect: districts(u).onSelect })}
      >
        {(u) => <BarList {...districts(u)} />}
      </Panel>
    </>
  );
});
