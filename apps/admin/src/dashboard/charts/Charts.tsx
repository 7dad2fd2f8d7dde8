import { Box, ButtonBase, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Lang, StatInterval } from '@mynapoint/domain';
import { formatCount, periodLabel, periodTick } from '../format';
import { heatLevel, type HeatmapGrid } from '../shape';
import { ChartFrame } from './ChartFrame';
import { LINE_DASHES, OKABE_ITO, usePatterns } from './palette';

// The dashboard's recharts charts, loaded lazily (React.lazy) so that recharts is
// not part of the first load. Each chart draws rows it is given; a click calls
// `onSelect` with the row (absent when the role may not open the list behind it).
// Animations are off: the dashboard must be drawn at once.

const AXIS = { fontSize: 12, fill: '#37474f' };
const LABEL = { fontSize: 12, fill: '#263238' };

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Y-axis tick that shortens long names (service names) instead of cutting them off. */
function NameTick({ x, y, payload, max }: { x?: number; y?: number; payload?: { value: string }; max: number }) {
  const value = String(payload?.value ?? '');
  return (
    <text x={x} y={y} dy={4} textAnchor="end" {...AXIS}>
      <title>{value}</title>
      {truncate(value, max)}
    </text>
  );
}

export interface HBarRow {
  key: string;
  name: string;
  value: number;
  /** Colour and pattern index (default: one colour for all). */
  series?: number;
}

/** Horizontal bars with their values written at the end: services, kinds, districts, reasons. */
export function HBarChart({
  rows,
  format = formatCount,
  valueName,
  onSelect,
  labelWidth = 140,
  colors,
}: {
  rows: HBarRow[];
  format?: (v: number) => string;
  valueName: string;
  onSelect?: (row: HBarRow, index: number) => void;
  labelWidth?: number;
  colors?: readonly string[];
}) {
  const patterns = usePatterns(8, colors);
  const height = rows.length * 30 + 16;
  return (
    <ChartFrame height={height}>
      {(width) => (
        <BarChart width={width} height={height} data={rows} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 4 }} barCategoryGap={5}>
          {patterns.defs}
          <XAxis type="number" hide domain={[0, 'dataMax']} />
          <YAxis type="category" dataKey="name" width={labelWidth} interval={0} tickLine={false} tick={<NameTick max={Math.floor(labelWidth / 12.5)} />} />
          <Tooltip formatter={(v) => [format(Number(v)), valueName]} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          <Bar dataKey="value" name={valueName} isAnimationActive={false} onClick={onSelect ? (_d, i) => onSelect(rows[i], i) : undefined} minPointSize={2}>
            {rows.map((r, i) => (
              <Cell key={r.key} fill={patterns.fill(r.series ?? 0)} stroke={patterns.color(r.series ?? 0)} data-key={r.key} data-index={i} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v: unknown) => format(Number(v))} {...LABEL} />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
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
    <ChartFrame height={height}>
      {(width) => (
        <BarChart width={width} height={height} data={rows} margin={{ top: 20, right: 8, bottom: 0, left: 0 }} barGap={2}>
          {patterns.defs}
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} tick={AXIS} tickLine={false} />
          <YAxis tickFormatter={(v: number) => formatCount(v)} tick={AXIS} width={52} allowDecimals={false} />
          <Tooltip formatter={(v) => formatCount(Number(v))} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={patterns.fill(i)}
              stroke={patterns.color(i)}
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
  const height = 300;
  const dots = series.length <= 40;
  return (
    <ChartFrame height={height}>
      {(width) => (
        <LineChart
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
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {quotaCapacity > 0 && (
            <ReferenceLine
              y={quotaCapacity}
              stroke={OKABE_ITO.vermillion}
              strokeWidth={2}
              strokeDasharray="2 4"
              ifOverflow="extendDomain"
              label={{ value: translate('resources.dashboard.uptake.quota', { count: formatCount(quotaCapacity) }), position: 'insideTopLeft', ...LABEL, fill: OKABE_ITO.vermillion }}
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
            stroke={OKABE_ITO.orange}
            strokeWidth={2.5}
            strokeDasharray={LINE_DASHES[1]}
            dot={dots ? { r: 3, fill: '#fff', stroke: OKABE_ITO.orange, strokeWidth: 2 } : false}
            activeDot={{ r: 6 }}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </ChartFrame>
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
        <BarChart width={width} height={height} data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 8 }}>
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
        <BarChart width={width} height={height} data={rows} margin={{ top: 28, right: 16, bottom: 28, left: 0 }} barCategoryGap={3}>
          {patterns.defs}
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ ...AXIS, fontSize: 11 }} interval={0} angle={-35} textAnchor="end" height={44} />
          <YAxis tickFormatter={(v: number) => formatCount(v)} tick={AXIS} width={48} allowDecimals={false} />
          <Tooltip formatter={(v) => [formatCount(Number(v)), translate('resources.dashboard.points.participants')]} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          {cap && (
            <ReferenceLine x={cap.name} stroke="transparent" label={{ value: capLabel, position: 'top', ...LABEL, fill: OKABE_ITO.vermillion, fontWeight: 700 }} />
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
  const height = 280;
  return (
    <ChartFrame height={height}>
      {(width) => (
        <BarChart width={width} height={height} data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
          {patterns.defs}
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" tickFormatter={(p: string) => periodTick(p, interval, lang)} tick={AXIS} minTickGap={20} />
          <YAxis tick={AXIS} width={40} allowDecimals={false} />
          <Tooltip labelFormatter={(p) => periodLabel(String(p), interval, lang)} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
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
  );
}

// Sequential blues: lightness falls with the count, so the grid also reads in grey.
const HEAT = ['#f4f6f8', '#d2e5f3', '#93c3e4', '#3d8ec9', '#0b5d94'];

/** Visits by weekday × hour: a grid of cells, each with its count written in it. */
export function Heatmap({ grid, onSelect }: { grid: HeatmapGrid; onSelect?: (weekday: number, hour: number) => void }) {
  const translate = useTranslate();
  const columns = `2.5em repeat(${grid.hours.length}, minmax(0, 1fr))`;
  return (
    <Box>
      <Box role="table" aria-label={translate('resources.dashboard.counter.heatmap_title')} sx={{ display: 'grid', gridTemplateColumns: columns, gap: '3px', fontSize: 12 }}>
        <Box role="row" sx={{ display: 'contents' }}>
          <Box role="columnheader" />
          {grid.hours.map((h) => (
            <Box role="columnheader" key={h} sx={{ textAlign: 'center', color: 'text.secondary', whiteSpace: 'nowrap' }}>
              {translate('resources.dashboard.counter.hour', { hour: h })}
            </Box>
          ))}
        </Box>
        {grid.weekdays.map((d) => (
          <Box role="row" key={d} sx={{ display: 'contents' }}>
            <Box role="rowheader" sx={{ display: 'flex', alignItems: 'center', fontWeight: 700 }}>
              {translate(`resources.dashboard.counter.weekday.${d}`)}
            </Box>
            {grid.hours.map((h) => {
              const visits = grid.cells.get(`${d}:${h}`) ?? 0;
              const level = heatLevel(visits, grid.max);
              const label = `${translate(`resources.dashboard.counter.weekday.${d}`)} ${translate('resources.dashboard.counter.hour', { hour: h })}: ${translate('resources.dashboard.counter.visits', { count: visits })}`;
              return (
                <ButtonBase
                  role="cell"
                  key={h}
                  title={label}
                  aria-label={label}
                  disabled={!onSelect || visits === 0}
                  onClick={() => onSelect?.(d, h)}
                  data-heat-cell={`${d}:${h}`}
                  data-level={level}
                  sx={{ height: 30, borderRadius: 0.5, bgcolor: HEAT[level], color: level >= 3 ? '#fff' : '#263238', fontSize: 12, fontWeight: level >= 3 ? 700 : 400, '&:hover': { outline: '2px solid #263238' } }}
                >
                  {visits || ''}
                </ButtonBase>
              );
            })}
          </Box>
        ))}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mt: 1 }}>
        {HEAT.slice(1).map((c) => (
          <Box key={c} sx={{ width: 18, height: 10, bgcolor: c, borderRadius: 0.25 }} />
        ))}
        <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {translate('resources.dashboard.counter.heatmap_legend')}
        </Typography>
      </Box>
    </Box>
  );
}
