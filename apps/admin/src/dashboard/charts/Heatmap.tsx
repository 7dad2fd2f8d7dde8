import { Box, Typography } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslate } from 'react-admin';
import { moveInGrid, type Cell } from '../../common/roving';
import { heatLevel, type HeatmapGrid } from '../shape';

// Plain HTML, no recharts (it has no heatmap): counter staff's dashboard draws without
// loading recharts at all.

// Sequential blues: lightness falls with the count, so the grid also reads in grey.
const HEAT = ['#f4f6f8', '#d2e5f3', '#93c3e4', '#3d8ec9', '#0b5d94'];

/**
 * Visits by weekday × hour: a grid of cells, each with its count written in it. One Tab
 * stop: the arrow keys move between the cells (Home/End, Ctrl+Home/End), Enter or Space
 * opens the visits behind a cell. Cells without visits can be reached (their 0 is read
 * out) but open nothing.
 */
export function Heatmap({ grid, onSelect }: { grid: HeatmapGrid; onSelect?: (weekday: number, hour: number) => void }) {
  const translate = useTranslate();
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const cellsRef = useRef<HTMLDivElement>(null);
  const columns = `2.5em repeat(${grid.hours.length}, minmax(0, 1fr))`;
  const weekday = (d: number) => translate(`resources.dashboard.counter.weekday.${d}`);
  const hour = (h: number) => translate('resources.dashboard.counter.hour', { hour: h });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = moveInGrid(e.key, active, grid.weekdays.length, grid.hours.length, e.ctrlKey);
    if (!next) return;
    e.preventDefault();
    setActive(next);
    cellsRef.current?.querySelector<HTMLButtonElement>(`[data-heat-cell="${grid.weekdays[next.row]}:${grid.hours[next.col]}"]`)?.focus();
  };
  return (
    <Box>
      <Box
        ref={cellsRef}
        role="grid"
        aria-label={translate('resources.dashboard.counter.heatmap_title')}
        onKeyDown={onKeyDown}
        sx={{
          display: 'grid',
          gridTemplateColumns: columns,
          gap: '3px',
          fontSize: 12,
          '& button': { width: '100%', height: 30, border: 0, borderRadius: '4px', font: 'inherit', fontVariantNumeric: 'tabular-nums', cursor: 'pointer', p: 0 },
          '& button[aria-disabled="true"]': { cursor: 'default' },
          '& button:hover:not([aria-disabled="true"])': { outline: '2px solid #263238' },
        }}
      >
        <Box role="row" sx={{ display: 'contents' }}>
          <Box role="columnheader" />
          {grid.hours.map((h) => (
            <Box role="columnheader" key={h} sx={{ textAlign: 'center', color: 'text.secondary', whiteSpace: 'nowrap' }}>
              {hour(h)}
            </Box>
          ))}
        </Box>
        {grid.weekdays.map((d, row) => (
          <Box role="row" key={d} sx={{ display: 'contents' }}>
            <Box role="rowheader" sx={{ display: 'flex', alignItems: 'center', fontWeight: 700 }}>
              {weekday(d)}
            </Box>
            {grid.hours.map((h, col) => {
              const visits = grid.cells.get(`${d}:${h}`) ?? 0;
              const level = heatLevel(visits, grid.max);
              const label = `${weekday(d)} ${hour(h)}: ${translate('resources.dashboard.counter.visits', { count: visits })}`;
              const opens = Boolean(onSelect) && visits > 0;
              // Plain buttons with one shared style: a grid of ~100 cells stays cheap to draw.
              return (
                <Box role="gridcell" key={h}>
                  <button
                    type="button"
                    title={label}
                    aria-label={label}
                    aria-disabled={!opens}
                    tabIndex={active.row === row && active.col === col ? 0 : -1}
                    onFocus={() => setActive({ row, col })}
                    onClick={opens ? () => onSelect?.(d, h) : undefined}
                    data-heat-cell={`${d}:${h}`}
                    data-level={level}
                    // Black on the middle blue, white on the darkest: 4.5:1 or more.
                    style={{ background: HEAT[level], color: level >= 4 ? '#fff' : level === 3 ? '#000' : '#263238', fontWeight: level >= 3 ? 700 : 400 }}
                  >
                    {visits || ''}
                  </button>
                </Box>
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
