import { Box } from '@mui/material';
import { formatCount } from '../format';
import { cssPattern, edge, SERIES_COLORS } from './palette';

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
  // A list of rows, each one native button (name, bar, figure) when it opens a list:
  // the button keeps its role and its name is the text it shows.
  return (
    <Box
      component="ul"
      aria-label={valueName}
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: '6px',
        fontSize: 12,
        '& .bar-row': {
          display: 'grid',
          gridTemplateColumns: `${labelWidth}px minmax(0, 1fr)`,
          columnGap: 1,
          alignItems: 'center',
          width: '100%',
          minWidth: 0,
          p: 0,
          border: 0,
          bgcolor: 'transparent',
          font: 'inherit',
          color: 'inherit',
          textAlign: 'left',
        },
        '& .bar-name': { textAlign: 'right', color: '#37474f', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
        '& .bar-figure': { display: 'flex', alignItems: 'center', gap: 0.75, minWidth: 0 },
        '& button.bar-row': { cursor: 'pointer' },
        '& button.bar-row:hover .bar': { outline: '2px solid #263238', outlineOffset: 1 },
        // Backgrounds are left out of print by default; these are the data.
        '& .bar': { height: 22, minWidth: 2, boxSizing: 'border-box', border: '1px solid', borderRadius: '2px', flexShrink: 0, printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
      }}
    >
      {rows.map((r, i) => {
        const series = r.series ?? 0;
        const content = (
          <>
            <span className="bar-name" title={r.name}>
              {r.name}
            </span>
            <span className="bar-figure">
              <span className="bar" style={{ width: `calc((100% - 88px) * ${max > 0 ? r.value / max : 0})`, background: cssPattern(series, colors), borderColor: edge(colors[series % colors.length]) }} />
              <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{format(r.value)}</span>
            </span>
          </>
        );
        return (
          <li key={r.key}>
            {onSelect ? (
              <button type="button" className="bar-row" data-bar={r.key} onClick={() => onSelect(r, i)}>
                {content}
              </button>
            ) : (
              <div className="bar-row" data-bar={r.key}>
                {content}
              </div>
            )}
          </li>
        );
      })}
    </Box>
  );
}
