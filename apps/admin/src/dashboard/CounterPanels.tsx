import { Box, Chip, Typography } from '@mui/material';
import { memo } from 'react';
import { useTranslate } from 'react-admin';
import { ASSISTANCE_OUTCOME, UNABLE_REASON, type CounterStats, type CounterTotals } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { OKABE_ITO } from './charts/palette';
import { barTable } from './chartTable';
import { formatCount } from './format';
import { BarList } from './charts/BarList';
import { Heatmap } from './charts/Heatmap';
import { Panel } from './Panel';
import type { DashboardPeriod } from './period';
import { heatmapGrid, outcomeRows, reasonRows } from './shape';
import type { DashboardLinks } from './useLinks';
import type { QueryState } from './useStat';

const R = 'resources.dashboard.counter';
// Completed green, follow-up orange, unable vermillion (with their patterns).
const OUTCOME_COLORS = [OKABE_ITO.green, OKABE_ITO.orange, OKABE_ITO.vermillion];

function Figure({ label, totals, testId }: { label: string; totals: CounterTotals; testId: string }) {
  const translate = useTranslate();
  const avg = totals.visits ? Math.round(totals.minutes / totals.visits) : 0;
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 700 }}>
        {label}
      </Typography>
      <Typography variant="h6" component="p" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {translate(`${R}.visits`, { count: formatCount(totals.visits) })}
      </Typography>
      {totals.visits ? (
        <Typography variant="caption" color="text.secondary">
          {translate(`${R}.avg_minutes`, { minutes: avg })}
        </Typography>
      ) : null}
    </Box>
  );
}

/** Counter workload: today / this week / the period, the weekday × hour grid, outcomes and reasons. */
export const CounterPanels = memo(function CounterPanels({ query, period, links }: { query: QueryState<CounterStats>; period: DashboardPeriod; links: DashboardLinks }) {
  const translate = useTranslate();
  const lang = useLang();
  const scope = { from: period.from, to: period.to, campaignId: null };
  const toRecords = links.opener('assistance', (extra: Record<string, unknown>) => ({ scope, extra }));
  const visitsName = translate('resources.dashboard.table.visits');
  const outcomes = (c: CounterStats) => ({
    rows: outcomeRows(c.range.outcomes).map((r, i) => ({ key: r.code, name: ASSISTANCE_OUTCOME.label(r.code, lang), value: r.visits, series: i })),
    onSelect: toRecords && ((row: { key: string }) => toRecords({ outcome: row.key })),
  });
  const reasons = (c: CounterStats) => ({
    rows: reasonRows(c.range.unableReasons).map((r) => ({ key: r.code, name: UNABLE_REASON.label(r.code, lang), value: r.visits })),
    onSelect: toRecords && ((row: { key: string }) => toRecords({ outcome: 'unable', unableReason: row.key })),
  });
  const title = (
    <>
      {translate(`${R}.title`)}
      {query.data ? <Chip size="small" sx={{ ml: 1 }} label={translate(query.data.scope === 'own' ? `${R}.own` : `${R}.all`)} data-testid="counter-scope" /> : null}
    </>
  );
  return (
    <>
      <Panel id="counter" wide title={title} query={query} isEmpty={() => false} emptyText="" height={340}>
        {(c) => (
          <>
            <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 2 }}>
              <Figure label={translate(`${R}.today`)} totals={c.today} testId="counter-today" />
              <Figure label={translate(`${R}.week`)} totals={c.week} testId="counter-week" />
              <Figure label={translate(`${R}.range`)} totals={c.range} testId="counter-range" />
            </Box>
            <Typography variant="body2" sx={{ fontWeight: 700, mb: 1 }}>
              {translate(`${R}.heatmap_title`)}
            </Typography>
            {c.range.visits ? (
              <Heatmap grid={heatmapGrid(c.byWeekdayHour)} onSelect={toRecords && (() => toRecords({}))} />
            ) : (
              <Typography color="text.secondary" data-testid="panel-empty">
                {translate(`${R}.empty`)}
              </Typography>
            )}
          </>
        )}
      </Panel>
      <Panel
        id="counter-outcomes"
        title={translate(`${R}.outcomes_title`)}
        query={query}
        isEmpty={(c) => c.range.visits === 0}
        emptyText={translate(`${R}.empty`)}
        height={110}
        table={(c) => barTable(outcomes(c).rows, { rowHeader: translate('resources.dashboard.table.outcome'), valueName: visitsName, format: formatCount, onSelect: outcomes(c).onSelect })}
      >
        {(c) => <BarList valueName={translate(`${R}.outcomes_title`)} colors={OUTCOME_COLORS} {...outcomes(c)} />}
      </Panel>
      <Panel
        id="counter-reasons"
        title={translate(`${R}.reasons_title`)}
        query={query}
        isEmpty={(c) => reasonRows(c.range.unableReasons).length === 0}
        emptyText={translate(`${R}.reasons_empty`)}
        height={110}
        table={(c) => barTable(reasons(c).rows, { rowHeader: translate('resources.dashboard.table.reason'), valueName: visitsName, format: formatCount, onSelect: reasons(c).onSelect })}
      >
        {(c) => <BarList valueName={translate(`${R}.reasons_title`)} labelWidth={190} colors={[OKABE_ITO.vermillion]} {...reasons(c)} />}
      </Panel>
    </>
  );
});
