import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { heatLevel, type HeatmapGrid } from '../shape';

// Plain HTML, no recharts (it has no heatmap): counter staff's dashboard draws without
// loading recharts at all.

// Sequential blues: lightness falls with the count, so the grid also reads in grey.
const HEAT = ['#f4f6f8', '#d2e5f3', '#93c3e4', '#3d8ec9', '#0b5d94'];

/** Visits by weekday × hour: a grid of cells, each with its count written in it. */
export function Heatmap({ grid, onSelect }: { grid: HeatmapGrid; onSelect?: (weekday: number, hour: number) => void }) {
  const translate = useTranslate();
  const columns = `2.5em repeat(${grid.hours.length}, minmax(0, 1fr))`;
  const weekday = (d: number) => translate(`resources.dashboard.counter.weekday.${d}`);
  const hour = (h: number) => translate('resources.dashboard.counter.hour', { hour: h });
  return (
    <Box>
      <Box
        role="table"
        aria-label={translate('resources.dashboard.counter.heatmap_title')}
        sx={{
          display: 'grid',
          gridTemplateColumns: columns,
          gap: '3px',
          fontSize: 12,
          '& button': { height: 30, border: 0, borderRadius: '4px', font: 'inherit', fontVariantNumeric: 'tabular-nums', cursor: 'pointer', p: 0 },
          '& button:disabled': { cursor: 'default' },
          '& button:hover:enabled, & button:focus-visible': { outline: '2px solid #263238' },
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
        {grid.weekdays.map((d) => (
          <Box role="row" key={d} sx={{ display: 'contents' }}>
            <Box role="rowheader" sx={{ display: 'flex', alignItems: 'center', fontWeight: 700 }}>
              {weekday(d)}
            </Box>
            {grid.hours.map((h) => {
              const visits = grid.cells.get(`${d}:${h}`) ?? 0;
              const level = heatLevel(visits, grid.max);
              const label = `${weekday(d)} ${hour(h)}: ${translate('resources.dashboard.counter.visits', { count: visits })}`;
              // Plain buttons with one shared style: a grid of ~100 cells stays cheap to draw.
              return (
                <button
                  type="button"
                  role="cell"
                  key={h}
                  title={label}
                  aria-label={label}
                  disabled={!onSelect || visits === 0}
                  onClick={() => onSelect?.(d, h)}
                  data-heat-cell={`${d}:${h}`}
                  data-level={level}
                  style={{ background: HEAT[level], color: level >= 3 ? '#fff' : '#263238', fontWeight: level >= 3 ? 700 : 400 }}
                >
                  {visits || ''}
                </button>
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
