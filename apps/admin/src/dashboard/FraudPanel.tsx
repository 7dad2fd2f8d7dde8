import { memo } from 'react';
import { useTranslate } from 'react-admin';
import { FRAUD_CHANNEL, type FraudStats } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { toChartTable } from './chartTable';
import { formatCount, periodLabel } from './format';
import { StackedPeriodChart } from './lazyCharts';
import { Panel } from './Panel';
import { bucketRange, type DashboardPeriod } from './period';
import { fraudSeries } from './shape';
import type { DashboardLinks } from './useLinks';
import type { QueryState } from './useStat';

const R = 'resources.dashboard.fraud';

/** Fraud reports per week (or day, month) stacked by how the fraudster made contact. */
export const FraudPanel = memo(function FraudPanel({ query, period, links }: { query: QueryState<FraudStats>; period: DashboardPeriod; links: DashboardLinks }) {
  const translate = useTranslate();
  const lang = useLang();
  const bounds = { from: period.from, to: period.to };
  const toAlerts = links.opener('fraud', (p: string, interval: FraudStats['interval'], channel: string) => ({
    scope: { ...bucketRange(p, interval, bounds), campaignId: null },
    extra: { channel },
  }));
  const title = (
    <>
      {translate(`${R}.title`)}
      {query.data?.total ? ` — ${translate(`${R}.total`, { count: formatCount(query.data.total) })}` : ''}
    </>
  );
  const label = `${translate(`${R}.title`)}${query.data?.total ? ` — ${translate(`${R}.total`, { count: formatCount(query.data.total) })}` : ''}`;
  const chart = (f: FraudStats) => {
    const s = fraudSeries(f);
    return {
      rows: s.rows,
      series: s.channels.map((c) => ({ key: c, name: FRAUD_CHANNEL.label(c, lang) })),
      interval: f.interval,
      onSelect: toAlerts && ((p: string, channel: string) => toAlerts(p, f.interval, channel)),
    };
  };
  const table = (f: FraudStats) => {
    const c = chart(f);
    const { onSelect } = c;
    return toChartTable({
      rowHeader: translate('resources.dashboard.table.period'),
      columns: c.series.map((s) => ({ key: s.key, name: s.name, value: (r: (typeof c.rows)[number]) => Number(r[s.key] ?? 0) })),
      rows: c.rows,
      rowKey: (r) => String(r.period),
      rowName: (r) => periodLabel(String(r.period), f.interval, lang),
      format: formatCount,
      onSelect: onSelect && ((r, _i, key) => onSelect(String(r.period), key)),
    });
  };
  return (
    <Panel id="fraud" wide title={title} label={label} query={query} isEmpty={(f) => f.total === 0} emptyText={translate(`${R}.empty`)} height={280} table={table}>
      {(f) => <StackedPeriodChart {...chart(f)} lang={lang} />}
    </Panel>
  );
});
