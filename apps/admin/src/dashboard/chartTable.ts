// The table behind each chart (issue #23): the same numbers as the chart draws, for
// screen readers and for keyboard users, with the chart's drill-through on each figure.
// Pure: the panels map their rows to it, ChartTableView draws it.

export interface ChartTableCell {
  text: string;
  /** Opens the list behind the figure (absent when the role may not open it). */
  onSelect?: () => void;
}

export interface ChartTable {
  /** Header of the first column: what each row is (period, channel, service…). */
  rowHeader: string;
  /** Headers of the value columns. */
  columns: string[];
  rows: { key: string; name: string; cells: ChartTableCell[] }[];
}

export interface TableSource<R> {
  rowHeader: string;
  /** One column per series: its header and how to read its value from a row. */
  columns: { key: string; name: string; value: (row: R) => number }[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string;
  rowName: (row: R, index: number) => string;
  format: (value: number, columnKey: string) => string;
  /** The chart's drill-through for a figure; absent when there is none. */
  onSelect?: (row: R, index: number, columnKey: string) => void;
}

export function toChartTable<R>(s: TableSource<R>): ChartTable {
  const { onSelect } = s;
  return {
    rowHeader: s.rowHeader,
    columns: s.columns.map((c) => c.name),
    rows: s.rows.map((row, i) => ({
      key: s.rowKey(row, i),
      name: s.rowName(row, i),
      cells: s.columns.map((c) => ({ text: s.format(c.value(row), c.key), onSelect: onSelect && (() => onSelect(row, i, c.key)) })),
    })),
  };
}

/** The table of a BarList: one row per bar, its figure in one column. */
export function barTable<R extends { key: string; name: string; value: number }>(
  rows: readonly R[],
  o: { rowHeader: string; valueName: string; format: (v: number) => string; onSelect?: (row: R, index: number) => void },
): ChartTable {
  const { onSelect } = o;
  return toChartTable({
    rowHeader: o.rowHeader,
    columns: [{ key: 'value', name: o.valueName, value: (r: R) => r.value }],
    rows,
    rowKey: (r) => r.key,
    rowName: (r) => r.name,
    format: (v) => o.format(v),
    onSelect: onSelect && ((r, i) => onSelect(r, i)),
  });
}
