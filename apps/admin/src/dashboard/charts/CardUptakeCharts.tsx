import { Bar, BarChart, CartesianGrid, Cell, LabelList, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRate, type Lang } from '@mynapoint/domain';
import { periodLabel, periodTick } from '../format';
import type { MonthRow, TargetView } from '../toCardUptake';
import { ChartFrame } from './ChartFrame';
import { ChartKey } from './Charts';
import { LINE_DASHES, OKABE_ITO, usePatterns } from './palette';

// The card-uptake panel's charts (recharts, loaded lazily with the others): the rate
// over time beside the nation and the prefecture, and the rate by district or age band,
// each against the targets of the metric shown. They draw the rows they are given.

const AXIS = { fontSize: 12, fill: '#37474f' };
const TARGET_DASH = '2 4';
const percentTick = (v: number) => `${v}%`;

export interface RateLineNames {
  city: string;
  national: string;
  prefecture: string;
}

/** The city's rate by month, the nation's and the prefecture's beside it, and a line per target. */
export function RateLineChart({
  rows,
  targets,
  names,
  lang,
  onSelect,
}: {
  rows: MonthRow[];
  targets: TargetView[];
  names: RateLineNames;
  lang: Lang;
  /** A month's snapshot (its city figure's date). */
  onSelect?: (asOf: string) => void;
}) {
  const height = 280;
  const dots = rows.length <= 24;
  const data = rows.map((r) => ({ ...r, period: `${r.month}-01` }));
  const lines = [
    { key: 'city', name: names.city, color: OKABE_ITO.blue, dash: LINE_DASHES[0], width: 3 },
    { key: 'national', name: names.national, color: OKABE_ITO.orange, dash: LINE_DASHES[1], width: 2 },
    { key: 'prefecture', name: names.prefecture, color: OKABE_ITO.green, dash: LINE_DASHES[2], width: 2 },
  ] as const;
  return (
    <>
      <ChartFrame height={height}>
        {(width) => (
          <LineChart
            width={width}
            height={height}
            data={data}
            margin={{ top: 16, right: 24, bottom: 0, left: 0 }}
            onClick={
              onSelect
                ? (s) => {
                    const row = s.activeTooltipIndex != null ? data[Number(s.activeTooltipIndex)] : undefined;
                    if (row?.asOf) onSelect(row.asOf);
                  }
                : undefined
            }
            className={onSelect ? 'clickable' : undefined}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="period" tickFormatter={(p: string) => periodTick(p, 'month', lang)} tick={AXIS} minTickGap={28} />
            <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tickFormatter={percentTick} tick={AXIS} width={48} />
            <Tooltip labelFormatter={(p) => periodLabel(String(p), 'month', lang)} formatter={(v) => formatRate(v == null ? null : Number(v))} />
            {targets.map((t) => (
              <ReferenceLine key={t.id} y={t.percent} stroke={OKABE_ITO.vermillion} strokeWidth={2} strokeDasharray={TARGET_DASH} ifOverflow="extendDomain" />
            ))}
            {lines.map((l) => (
              <Line
                key={l.key}
                type="monotone"
                dataKey={l.key}
                name={l.name}
                stroke={l.color}
                strokeWidth={l.width}
                strokeDasharray={l.dash}
                connectNulls
                dot={dots ? { r: 3, fill: l.key === 'city' ? l.color : '#fff', stroke: l.color } : false}
                activeDot={{ r: 6 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ChartFrame>
      <ChartKey
        items={[
          ...lines.map((l) => ({ name: l.name, stroke: l.color, dash: l.dash || undefined })),
          ...targets.map((t) => ({ name: `${t.name} ${formatRate(t.percent)}`, stroke: OKABE_ITO.vermillion, dash: TARGET_DASH })),
        ]}
      />
    </>
  );
}

export interface RateBar {
  key: string;
  name: string;
  rate: number | null;
  /** Whether the group has reached the lead target (drawn apart: colour and pattern). */
  reached: boolean;
}

/** Horizontal bars of a rate by group (districts, age bands), with the targets as vertical lines. */
export function RateBarChart({ rows, targets, onSelect }: { rows: RateBar[]; targets: TargetView[]; onSelect?: (row: RateBar) => void }) {
  const patterns = usePatterns(2, [OKABE_ITO.blue, OKABE_ITO.orange]);
  const height = Math.max(120, rows.length * 30 + 30);
  const data = rows.map((r) => ({ ...r, value: r.rate ?? 0 }));
  return (
    <ChartFrame height={height}>
      {(width) => (
        <BarChart width={width} height={height} data={data} layout="vertical" margin={{ top: 8, right: 56, bottom: 0, left: 0 }} barCategoryGap={6}>
          {patterns.defs}
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={percentTick} tick={AXIS} />
          <YAxis type="category" dataKey="name" tick={AXIS} width={96} interval={0} />
          <Tooltip formatter={(v) => formatRate(Number(v))} cursor={{ fill: 'rgba(0,0,0,0.05)' }} />
          {targets.map((t) => (
            <ReferenceLine key={t.id} x={t.percent} stroke={OKABE_ITO.vermillion} strokeWidth={2} strokeDasharray={TARGET_DASH} />
          ))}
          <Bar dataKey="value" isAnimationActive={false} onClick={onSelect ? (_d, i) => onSelect(rows[i]) : undefined} minPointSize={1}>
            {data.map((r) => (
              <Cell key={r.key} fill={patterns.fill(r.reached ? 0 : 1)} stroke={r.reached ? OKABE_ITO.blue : OKABE_ITO.orange} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v: unknown) => formatRate(Number(v))} fontSize={11} fill="#263238" />
          </Bar>
        </BarChart>
      )}
    </ChartFrame>
  );
}
