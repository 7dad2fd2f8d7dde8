import { Box, Typography } from '@mui/material';
import { memo } from 'react';
import { useTranslate } from 'react-admin';
import { useLang } from '../common/enums';
import { toChartTable } from './chartTable';
import { formatCount, formatPercent, periodTick } from './format';
import { Panel } from './Panel';
import type { DeskStats } from '@mynapoint/domain';
import { deskBars, deskDayBars, fillRate, type CapacityBar } from './deskRows';
import type { QueryState } from './useStat';

const R = 'resources.dashboard.desks';

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box sx={{ minWidth: 120 }}>
      <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 700 }}>
        {label}
      </Typography>
      <Typography variant="h6" component="p" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

// Booked seats against capacity, drawn in HTML (the counter's dashboard loads no chart
// library): the track is the capacity, the fill the seats booked.
function CapacityBars({ rows, label }: { rows: CapacityBar[]; label: string }) {
  const translate = useTranslate();
  return (
    <Box component="ul" aria-label={label} sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: '6px', fontSize: 12 }}>
      {rows.map((r) => (
        <Box component="li" key={r.key} sx={{ display: 'grid', gridTemplateColumns: '170px minmax(0, 1fr) auto', columnGap: 1, alignItems: 'center' }}>
          <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.name}>
            {r.name}
          </Box>
          <Box sx={{ height: 14, bgcolor: '#eceff1', border: '1px solid #78909c', borderRadius: 0.5, position: 'relative' }} aria-hidden>
            <Box sx={{ position: 'absolute', inset: 0, width: `${Math.round(r.fill * 100)}%`, bgcolor: r.fill >= 1 ? '#A84A00' : '#0072B2' }} />
          </Box>
          <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {translate(`${R}.booked_of`, { booked: formatCount(r.booked), capacity: formatCount(r.capacity), percent: formatPercent(r.capacity ? r.booked / r.capacity : 0, 0) })}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** The counter panel's desks: booked vs capacity per desk and day, no-shows, walk-ins, the wait. */
export const DesksPanels = memo(function DesksPanels({ query }: { query: QueryState<DeskStats> }) {
  const translate = useTranslate();
  const lang = useLang();
  const dayLabel = (d: string) => periodTick(d, 'day', lang);
  const table = (s: DeskStats) =>
    toChartTable({
      rowHeader: translate(`${R}.desk`),
      columns: [
        { key: 'capacity', name: translate(`${R}.capacity`), value: (d: DeskStats['byDesk'][number]) => d.capacity },
        { key: 'booked', name: translate(`${R}.booked`), value: (d) => d.seatsBooked },
        { key: 'fill', name: translate(`${R}.fill`), value: (d) => fillRate(d) },
        { key: 'checkedIn', name: translate(`${R}.checked_in`), value: (d) => d.checkedIn },
        { key: 'noShow', name: translate(`${R}.no_show`), value: (d) => d.noShows },
        { key: 'noShowRate', name: translate(`${R}.no_show_rate`), value: (d) => d.noShowRatePercent ?? -1 },
        { key: 'walkIns', name: translate(`${R}.walk_ins`), value: (d) => d.walkIns },
        { key: 'wait', name: translate(`${R}.wait`), value: (d) => d.avgWaitMinutes ?? -1 },
      ],
      rows: s.byDesk,
      rowKey: (d) => String(d.deskId),
      rowName: (d) => d.deskName,
      format: (v, key) =>
        key === 'fill' ? formatPercent(v, 0) : key === 'noShowRate' ? (v < 0 ? '—' : `${v.toFixed(1)}%`) : key === 'wait' ? (v < 0 ? '—' : translate(`${R}.minutes`, { minutes: Math.round(v) })) : formatCount(v),
    });
  const dayTable = (s: DeskStats) => {
    const rows = s.byDeskDay.filter((d) => d.capacity > 0 || d.walkIns > 0).map((d) => ({ ...d, key: `${d.deskId}-${d.date}`, name: `${dayLabel(d.date)} ${d.deskName}` }));
    return toChartTable({
      rowHeader: translate(`${R}.day_desk`),
      columns: [
        { key: 'capacity', name: translate(`${R}.capacity`), value: (r: (typeof rows)[number]) => r.capacity },
        { key: 'booked', name: translate(`${R}.booked`), value: (r) => r.seatsBooked },
        { key: 'noShow', name: translate(`${R}.no_show`), value: (r) => r.noShows },
        { key: 'walkIns', name: translate(`${R}.walk_ins`), value: (r) => r.walkIns },
      ],
      rows,
      rowKey: (r) => r.key,
      rowName: (r) => r.name,
      format: (v) => formatCount(v),
    });
  };
  const isEmpty = (s: DeskStats) => s.totals.capacity === 0 && s.totals.walkIns === 0;
  return (
    <>
      <Panel id="desks" title={translate(`${R}.title`)} query={query} isEmpty={isEmpty} emptyText={translate(`${R}.empty`)} height={200} table={table}>
        {(s) => {
          const rate = s.totals.noShowRatePercent;
          return (
            <>
              <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap', mb: 2 }}>
                <Figure label={translate(`${R}.fill`)} value={formatPercent(fillRate(s.totals), 0)} testId="desks-fill" />
                <Figure label={translate(`${R}.no_show_rate`)} value={rate === null ? '—' : `${rate.toFixed(1)}%`} testId="desks-no-show-rate" />
                <Figure label={translate(`${R}.walk_ins`)} value={formatCount(s.totals.walkIns)} testId="desks-walk-ins" />
                <Figure label={translate(`${R}.wait`)} value={s.totals.avgWaitMinutes === null ? '—' : translate(`${R}.minutes`, { minutes: Math.round(s.totals.avgWaitMinutes) })} testId="desks-wait" />
              </Box>
              <CapacityBars rows={deskBars(s)} label={translate(`${R}.title`)} />
            </>
          );
        }}
      </Panel>
      <Panel id="desks-days" title={translate(`${R}.days_title`)} query={query} isEmpty={isEmpty} emptyText={translate(`${R}.empty`)} height={200} table={dayTable}>
        {(s) => <CapacityBars rows={deskDayBars(s, dayLabel)} label={translate(`${R}.days_title`)} />}
      </Panel>
    </>
  );
});
