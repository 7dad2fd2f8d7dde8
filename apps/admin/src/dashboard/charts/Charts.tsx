import { Box } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Lang, StatInterval } from '@mynapoint/domain';
import { formatCount, periodLabel, periodTick } from '../format';
import { ChartFrame } from './ChartFrame';
import { edge, ink, LINE_DASHES, OKABE_ITO, usePatterns } from './palette';

// The dashboard's recharts charts, loaded lazily (React.lazy) so that recharts is
// not part of the first load. Each chart draws rows it is given; a click calls
// `onSelect` with the row (absent when the role may not open the list behind it).
// Animations are off: the dashboard must be drawn at once.

const AXIS = { fontSize: 12, fill: '#37474f' };
const LABEL = { fontSize: 12, fill: '#263238' };

/**
 * The key of a chart, in HTML under it: each series' colour with its pattern (or
 * dash) and name. recharts' own Legend measures itself and redraws the chart.
 */
export function ChartKey({ items }: { items: { name: string; fill?: string; stroke: string; dash?: string }[] }) {
  return (
    <Box component="ul" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: '4px 16px', listStyle: 'none', m: 0, mt: 0.5, p: 0, fontSize: 12 }}>
      {items.map((it) => (
        <Box component="li" key={it.name} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          <svg width="22" height="12" aria-hidden="true">
            {it.fill ? (
              <rect x="1" y="1" width="20" height="10" fill={it.fill} stroke={it.stroke} />
            ) : (
              <line x1="0" y1="6" x2="22" y2="6" stroke={it.stroke} strokeWidth="2.5" strokeDasharray={it.dash} />
            )}
          </svg>
          {it.name}
        </Box>
      ))}
    </Box>
  );
}

export interface GroupedSeries {
  key: string;
  name: string;
}

/** Vertical bars, two or three series side by side: channels, age bands. */
export function GroupedBarChart<R extends { name: string } & Record<string, unknown>>({
  rows,
  series,
  onSelect,
  height = 260,
}: {
  rows: R[];
  series: GroupedSeries[];
  onSelect?: (row: R, seriesKey: string) => void;
  height?: number;
}) {
  const patterns = usePatterns(series.length);
  return (
    <>
      <ChartFrame height={height}>
        {(width) => (
          <BarChart accessibilityLayer={false} width={width} height={height} data={rows} margin={{ top: 20, right: 8, bottom: 0, left: 0 }} barGap={2}>
            {patterns.defs}
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" interval={0} tick={AXIS} tickLine={false} />
            <YAxis tickFormatter={(v: number) => formatCount(v)} tick={AXIS} width={52} allowDecimals={false} />
            <Tooltip formatter={(v) => formatCount(Number(v))} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                fill={patterns.fill(i)}
                stroke={patterns.edge(i)}
                isAnimationActive={false}
                onClick={onSelect ? (_d, index) => onSelect(rows[index], s.key) : undefined}
                minPointSize={1}
              >
                <LabelList dataKey={s.key} position="top" formatter={(v: unknown) => formatCount(Number(v))} fontSize={11} fill="#263238" />
              </Bar>
            ))}
          </BarChart>
        )}
      </ChartFrame>
      <ChartKey items={series.map((s, i) => ({ name: s.name, fill: patterns.fill(i), stroke: patterns.edge(i) }))} />
    </>
  );
}

/** Cumulative reservations and applications against the quota capacity (a reference line). */
export function CumulativeChart({
  series,
  quotaCapacity,
  interval,
  lang,
  onSelect,
}: {
  series: { period: string; cumulativeReservations: number; cumulativeApplications: number }[];
  quotaCapacity: number;
  interval: StatInterval;
  lang: Lang;
  onSelect?: (period: string, seriesKey: 'reservations' | 'applications') => void;
}) {
  const translate = useTranslate();
  const height = 280;
  const dots = series.length <= 40;
  return (
    <>
      <ChartFrame height={height}>
        {(width) => (
          <LineChart
            accessibilityLayer={false}
            width={width}
            height={height}
            data={series}
            margin={{ top: 24, right: 24, bottom: 0, left: 8 }}
            onClick={onSelect ? (s) => s.activeLabel != null && onSelect(String(s.activeLabel), 'reservations') : undefined}
            className={onSelect ? 'clickable' : undefined}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="period" tickFormatter={(p: string) => periodTick(p, interval, lang)} tick={AXIS} minTickGap={24} />
            <YAxis tickFormatter={(v: number) => formatCount(v)} tick={AXIS} width={60} allowDecimals={false} />
            <Tooltip labelFormatter={(p) => periodLabel(String(p), interval, lang)} formatter={(v) => formatCount(Number(v))} />
            {quotaCapacity > 0 && (
              <ReferenceLine
                y={quotaCapacity}
                stroke={OKABE_ITO.vermillion}
                strokeWidth={2}
                strokeDasharray="2 4"
                ifOverflow="extendDomain"
                label={{ value: translate('resources.dashboard.uptake.quota', { count: formatCount(quotaCapacity) }), position: 'insideTopLeft', ...LABEL, fill: ink(OKABE_ITO.vermillion) }}
              />
            )}
            <Line
              type="monotone"
              dataKey="cumulativeReservations"
              name={translate('resources.dashboard.uptake.reservations')}
              stroke={OKABE_ITO.blue}
              strokeWidth={2.5}
              dot={dots ? { r: 3, fill: OKABE_ITO.blue } : false}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="cumulativeApplications"
              name={translate('resources.dashboard.uptake.applications')}
              stroke={edge(OKABE_ITO.orange)}
              strokeWidth={2.5}
              strokeDasharray={LINE_DASHES[1]}
              dot={dots ? { r: 3, fill: '#fff', stroke: edge(OKABE_ITO.orange), strokeWidth: 2 } : false}
              activeDot={{ r: 6 }}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ChartFrame>
      <ChartKey
        items={[
          { name: translate('resources.dashboard.uptake.reservations'), stroke: OKABE_ITO.blue },
          { name: translate('resources.dashboard.uptake.applications'), stroke: edge(OKABE_ITO.orange), dash: LINE_DASHES[1] },
          ...(quotaCapacity > 0 ? [{ name: translate('resources.dashboard.uptake.quota', { count: formatCount(quotaCapacity) }), stroke: OKABE_ITO.vermillion, dash: '2 4' }] : []),
        ]}
      />
    </>
  );
}

/** One value per period as bars (points awarded per week or month). */
export function PeriodBarChart({
  rows,
  valueKey,
  valueName,
  interval,
  lang,
  onSelect,
}: {
  rows: ({ period: string } & Record<string, number | string>)[];
  valueKey: string;
  valueName: string;
  interval: StatInterval;
  lang: Lang;
  onSelect?: (period: string) => void;
}) {
  const height = 260;
  return (
    <ChartFrame height={height}>
      {(width) => (
        <BarChart accessibilityLayer={false} width={width} height={height} data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tickFormatter={(p: string) => periodTick(p, interval, lang)} tick={AXIS} minTickGap={20} />
          <YAxis tickFormatter={(v: number) => formatCount(v)} tick={AXIS} width={72} allowDecimals={false} />
          <Tooltip labelFormatter={(p) => periodLabel(String(p), interval, lang)} formatter={(v) => [formatCount(Number(v)), valueName]} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          <Bar dataKey={valueKey} name={valueName} fill={OKABE_ITO.green} isAnimationActive={false} onClick={onSelect ? (_d, i) => onSelect(String(rows[i].period)) : undefined} minPointSize={1} />
        </BarChart>
      )}
    </ChartFrame>
  );
}

/** Per-person totals by bucket, the bucket at the cap drawn apart and marked. */
export function DistributionChart({
  rows,
  capLabel,
  onSelect,
}: {
  rows: { key: string; name: string; participants: number; atCap: boolean }[];
  capLabel: string;
  onSelect?: (index: number) => void;
}) {
  const translate = useTranslate();
  const patterns = usePatterns(2, [OKABE_ITO.blue, OKABE_ITO.vermillion]);
  const cap = rows.find((r) => r.atCap);
  const height = 280;
  return (
    <ChartFrame height={height}>
      {(width) => (
        <BarChart accessibilityLayer={false} width={width} height={height} data={rows} margin={{ top: 28, right: 16, bottom: 4, left: 0 }} barCategoryGap={3}>
          {patterns.defs}
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Slanted labels only when the buckets are too narrow for them. */}
          {width / rows.length < 90 ? (
            <XAxis dataKey="name" tick={{ ...AXIS, fontSize: 11 }} interval={0} angle={-35} textAnchor="end" height={44} />
          ) : (
            <XAxis dataKey="name" tick={{ ...AXIS, fontSize: 11 }} interval={0} height={24} />
          )}
          <YAxis tickFormatter={(v: number) => formatCount(v)} tick={AXIS} width={48} allowDecimals={false} />
          <Tooltip formatter={(v) => [formatCount(Number(v)), translate('resources.dashboard.points.participants')]} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          {cap && (
            <ReferenceLine x={cap.name} stroke="transparent" label={{ value: capLabel, position: 'top', ...LABEL, fill: ink(OKABE_ITO.vermillion), fontWeight: 700 }} />
          )}
          <Bar dataKey="participants" isAnimationActive={false} onClick={onSelect ? (_d, i) => onSelect(i) : undefined} minPointSize={1}>
            {rows.map((r) => (
              <Cell key={r.key} fill={patterns.fill(r.atCap ? 1 : 0)} stroke={r.atCap ? OKABE_ITO.vermillion : OKABE_ITO.blue} />
            ))}
            <LabelList dataKey="participants" position="top" formatter={(v: unknown) => formatCount(Number(v))} fontSize={10} fill="#263238" />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}

/** Reports per period stacked by channel, each channel its colour and pattern. */
export function StackedPeriodChart({
  rows,
  series,
  interval,
  lang,
  onSelect,
}: {
  rows: ({ period: string } & Record<string, number | string>)[];
  series: GroupedSeries[];
  interval: StatInterval;
  lang: Lang;
  onSelect?: (period: string, seriesKey: string) => void;
}) {
  const patterns = usePatterns(series.length);
  const height = 260;
  return (
    <>
      <ChartFrame height={height}>
        {(width) => (
          <BarChart accessibilityLayer={false} width={width} height={height} data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
            {patterns.defs}
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="period" tickFormatter={(p: string) => periodTick(p, interval, lang)} tick={AXIS} minTickGap={20} />
            <YAxis tick={AXIS} width={40} allowDecimals={false} />
            <Tooltip labelFormatter={(p) => periodLabel(String(p), interval, lang)} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stackId="channel"
                fill={patterns.fill(i)}
                stroke="#fff"
                strokeWidth={0.5}
                isAnimationActive={false}
                onClick={onSelect ? (_d, index) => onSelect(String(rows[index].period), s.key) : undefined}
              />
            ))}
          </BarChart>
        )}
      </ChartFrame>
      <ChartKey items={series.map((s, i) => ({ name: s.name, fill: patterns.fill(i), stroke: patterns.edge(i) }))} />
    </>
  );
}

/**
 * The prefecture's municipalities side by side on one measure, one horizontal bar each,
 * the chosen municipality hatched in vermillion. A click picks a municipality.
 */
export function ComparisonChart({
  rows,
  valueName,
  format,
  onSelect,
}: {
  rows: { code: string; name: string; value: number | null; selected: boolean }[];
  valueName: string;
  format: (value: number) => string;
  onSelect?: (code: string) => void;
}) {
  const patterns = usePatterns(2, [OKABE_ITO.blue, OKABE_ITO.vermillion]);
  // A bar per municipality: 30 of them stay readable without a scroll bar.
  const height = Math.max(120, rows.length * 26 + 36);
  return (
    <ChartFrame height={height}>
      {(width) => (
        // No keyboard layer (a focusable "application" inside the panel's image role): the
        // table under the chart is its text alternative, and its name buttons pick by keyboard.
        <BarChart layout="vertical" accessibilityLayer={false} width={width} height={height} data={rows} margin={{ top: 4, right: 72, bottom: 4, left: 8 }} barCategoryGap={4}>
          {patterns.defs}
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => format(v)} tick={AXIS} />
          <YAxis type="category" dataKey="name" tick={AXIS} width={96} interval={0} />
          <Tooltip formatter={(v) => [format(Number(v)), valueName]} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          <Bar dataKey="value" name={valueName} isAnimationActive={false} onClick={onSelect ? (_d, i) => onSelect(rows[i].code) : undefined} minPointSize={1}>
            {rows.map((r) => (
              <Cell key={r.code} fill={patterns.fill(r.selected ? 1 : 0)} stroke={r.selected ? OKABE_ITO.vermillion : OKABE_ITO.blue} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v: unknown) => (v == null ? '' : format(Number(v)))} fontSize={11} fill="#263238" />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}
