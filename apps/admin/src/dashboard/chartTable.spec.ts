import { describe, expect, it, jest } from '@jest/globals';
import { barTable, toChartTable } from './chartTable';

const rows = [
  { period: '2020-09-01', reservations: 1200, applications: 800 },
  { period: '2020-10-01', reservations: 2500, applications: 1900 },
];
const source = {
  rowHeader: 'period',
  columns: [
    { key: 'reservations', name: 'Reservations', value: (r: (typeof rows)[number]) => r.reservations },
    { key: 'applications', name: 'Applications', value: (r: (typeof rows)[number]) => r.applications },
  ],
  rows,
  rowKey: (r: (typeof rows)[number]) => r.period,
  rowName: (r: (typeof rows)[number]) => r.period.slice(0, 7),
  format: (v: number) => v.toLocaleString('ja-JP'),
};

describe('toChartTable', () => {
  it('has one row per chart row and one cell per series, with the chart numbers', () => {
    const table = toChartTable(source);
    expect(table.columns).toEqual(['Reservations', 'Applications']);
    expect(table.rows.map((r) => [r.key, r.name, ...r.cells.map((c) => c.text)])).toEqual([
      ['2020-09-01', '2020-09', '1,200', '800'],
      ['2020-10-01', '2020-10', '2,500', '1,900'],
    ]);
  });

  it('gives each figure the drill-through of its row and series', () => {
    const onSelect = jest.fn();
    const table = toChartTable({ ...source, onSelect });
    table.rows[1].cells[0].onSelect!();
    expect(onSelect).toHaveBeenCalledWith(rows[1], 1, 'reservations');
  });

  it('has no drill-through when the chart has none (the role may not open the list)', () => {
    const table = toChartTable(source);
    expect(table.rows.flatMap((r) => r.cells).every((c) => c.onSelect === undefined)).toBe(true);
  });
});

describe('barTable', () => {
  it('has one row per bar with its name and figure, and the bar’s click', () => {
    const onSelect = jest.fn();
    const bars = [
      { key: 'completed', name: '完了', value: 120 },
      { key: 'unable', name: '対応不可', value: 7 },
    ];
    const table = barTable(bars, { rowHeader: 'outcome', valueName: 'visits', format: (v) => `${v}件`, onSelect });
    expect(table.columns).toEqual(['visits']);
    expect(table.rows.map((r) => [r.name, r.cells[0].text])).toEqual([
      ['完了', '120件'],
      ['対応不可', '7件'],
    ]);
    table.rows[1].cells[0].onSelect!();
    expect(onSelect).toHaveBeenCalledWith(bars[1], 1);
  });
});
