import { Box } from '@mui/material';
import type { ChartTable } from '../chartTable';

/**
 * A chart's numbers as an HTML table: row and column headers for screen readers, and
 * each figure that the chart lets you click is a button here (the same drill-through).
 */
export function ChartTableView({ table, caption }: { table: ChartTable; caption: string }) {
  return (
    // A wide table scrolls inside its card, not the page; the scrolling box takes focus so
    // that it scrolls from the keyboard too.
    <Box sx={{ overflowX: 'auto' }} role="region" aria-label={caption} tabIndex={0} data-testid="chart-table">
      <Box
        component="table"
        sx={{
          borderCollapse: 'collapse',
          width: '100%',
          fontSize: 13,
          fontVariantNumeric: 'tabular-nums',
          '& caption': { textAlign: 'left', fontSize: 12, color: 'text.secondary', pb: 0.5 },
          '& th, & td': { borderBottom: '1px solid #cfd8dc', px: 1, py: 0.5 },
          '& thead th': { position: 'sticky', top: 0, bgcolor: '#eceff1', textAlign: 'right', fontWeight: 700 },
          '& thead th:first-of-type, & tbody th': { textAlign: 'left' },
          '& tbody th': { fontWeight: 400 },
          '& td': { textAlign: 'right' },
          '& button': { font: 'inherit', color: 'primary.main', textDecoration: 'underline', bgcolor: 'transparent', border: 0, p: 0, cursor: 'pointer' },
        }}
      >
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              {r.cells.map((c, i) => (
                <td key={table.columns[i]}>
                  {c.onSelect ? (
                    <button type="button" onClick={c.onSelect}>
                      {c.text}
                    </button>
                  ) : (
                    c.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
