import { Box } from '@mui/material';
import { Fragment } from 'react';
import { formatCount } from '../format';
import { cssPattern, SERIES_COLORS } from './palette';

export interface BarRow {
  key: string;
  name: string;
  value: number;
  /** Colour and pattern index (default: the first). */
  series?: number;
}

/**
 * A ranked list of horizontal bars in HTML, each with its name and value written out:
 * services, kinds, districts, the funnel, outcomes, reasons. Drawn as plain elements
 * rather than one recharts chart each, it costs a fraction of the time to draw (the
 * dashboard must be ready within 1.5 s) and its names wrap or shorten like text.
 */
export function BarList({
  rows,
  valueName,
  format = formatCount,
  onSelect,
  labelWidth = 140,
  colors = SERIES_COLORS,
}: {
  rows: BarRow[];
  valueName: string;
  format?: (v: number) => string;
  onSelect?: (row: BarRow, index: number) => void;
  labelWidth?: number;
  colors?: readonly string[];
}) {
  const max = Math.max(0, ...rows.map((r) => r.value));
  return (
    <Box
      role="list"
      aria-label={valueName}
      sx={{
        display: 'grid',
        gridTemplateColumns: `${labelWidth}px minmax(0, 1fr)`,
        columnGap: 1,
        rowGap: '6px',
        alignItems: 'center',
        fontSize: 12,
        '& .bar-row': { display: 'flex', alignItems: 'center', gap: 0.75, width: '100%', minWidth: 0, p: 0, border: 0, bgcolor: 'transparent', font: 'inherit', color: 'inherit', textAlign: 'left' },
        '& button.bar-row': { cursor: 'pointer' },
        '& button.bar-row:hover .bar, & button.bar-row:focus-visible .bar': { outline: '2px solid #263238', outlineOffset: 1 },
        // Backgrounds are left out of print by default; these are the data.
        '& .bar': { height: 22, minWidth: 2, boxSizing: 'border-box', border: '1px solid', borderRadius: '2px', flexShrink: 0, printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
      }}
    >
      {rows.map((r, i) => {
        const series = r.series ?? 0;
        const bar = (
          <>
            <span className="bar" style={{ width: `calc((100% - 88px) * ${max > 0 ? r.value / max : 0})`, background: cssPattern(series, colors), borderColor: colors[series % colors.length] }} />
            <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{format(r.value)}</span>
          </>
        );
        return (
          <Fragment key={r.key}>
            <Box title={r.name} sx={{ textAlign: 'right', color: '#37474f', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {r.name}
            </Box>
            {onSelect ? (
              <button type="button" role="listitem" className="bar-row" data-bar={r.key} aria-label={`${r.name}: ${format(r.value)}`} onClick={() => onSelect(r, i)}>
                {bar}
              </button>
            ) : (
              <div role="listitem" className="bar-row" data-bar={r.key} aria-label={`${r.name}: ${format(r.value)}`}>
                {bar}
              </div>
            )}
          </Fragment>
        );
      })}
    </Box>
  );
}
