/// <reference types="jest" />
import { bucketLabel, periodLabel, periodTick } from './format';
import { comparisonRows, defaultComparisonMetric, districtRows, distributionRows, fraudSeries, funnelRows, heatLevel, heatmapGrid, kindRows, outcomeRows, reasonRows, topServices } from './shape';

const services = [
  { paymentServiceId: 1, name: 'PayPay', kind: 'qr_code', applications: 280 },
  { paymentServiceId: 2, name: 'd払い', kind: 'qr_code', applications: 110 },
  { paymentServiceId: 3, name: 'WAON', kind: 'ic_emoney', applications: 60 },
  { paymentServiceId: 4, name: 'Suica', kind: 'ic_emoney', applications: 40 },
  { paymentServiceId: 5, name: 'PASMO', kind: 'ic_emoney', applications: 5 },
  { paymentServiceId: 6, name: 'manaca', kind: 'ic_emoney', applications: 0 },
];

describe('topServices', () => {
  it('keeps the top N by applications and folds the rest into one bar with their ids', () => {
    const rows = topServices(services, 2, 'その他', (r) => r.applications);
    expect(rows.map((r) => [r.name, r.value, r.serviceIds])).toEqual([
      ['PayPay', 280, [1]],
      ['d払い', 110, [2]],
      ['その他', 105, [3, 4, 5]],
    ]);
    expect(rows[2].other).toBe(true);
  });
  it('never folds a single service and leaves out services without applications', () => {
    expect(topServices(services, 4, 'その他', (r) => r.applications).map((r) => r.name)).toEqual(['PayPay', 'd払い', 'WAON', 'Suica', 'PASMO']);
    expect(topServices([], 8, 'その他', () => 1)).toEqual([]);
    // Any measure: points by service rank the same way.
    expect(topServices([{ paymentServiceId: 9, name: 'A', points: 5 }, { paymentServiceId: 8, name: 'B', points: 50 }], 1, 'その他', (r) => r.points).map((r) => r.name)).toEqual(['B', 'A']);
  });
});

describe('kindRows', () => {
  it('sorts kinds by applications and lists the services of each', () => {
    expect(kindRows([{ kind: 'ic_emoney', applications: 105 }, { kind: 'qr_code', applications: 390 }, { kind: 'prepaid', applications: 0 }], services)).toEqual([
      { kind: 'qr_code', applications: 390, serviceIds: [1, 2] },
      { kind: 'ic_emoney', applications: 105, serviceIds: [3, 4, 5, 6] },
    ]);
  });
});

describe('funnelRows', () => {
  it('gives each stage its share of the one before', () => {
    expect(funnelRows({ reserved: 200, applied: 150, awarded: 120 })).toEqual([
      { stage: 'reserved', value: 200, rate: null },
      { stage: 'applied', value: 150, rate: 0.75 },
      { stage: 'awarded', value: 120, rate: 0.8 },
    ]);
    expect(funnelRows({ reserved: 0, applied: 0, awarded: 0 })[1].rate).toBe(0);
  });
});

describe('districtRows', () => {
  const base = { reservations: 10, applications: 5 };
  it('shows shares of the population in percent when every district has one', () => {
    const d = districtRows([
      { district: '水原', ...base, population: 20000, share: 0.0123 },
      { district: '安田', ...base, population: 8000, share: 0.05 },
    ]);
    expect(d.mode).toBe('share');
    expect(d.rows.map((r) => [r.district, r.value])).toEqual([['安田', 5], ['水原', 1.2]]);
  });
  it('leaves the reservations without a district out of the shares', () => {
    const d = districtRows([
      { district: '水原', ...base, population: 20000, share: 0.0005 },
      { district: null, ...base, population: null, share: null },
    ]);
    expect(d.mode).toBe('share');
    expect(d.rows.map((r) => r.district)).toEqual(['水原']);
  });
  it('falls back to reservation counts when a population is missing', () => {
    const d = districtRows([
      { district: '水原', ...base, reservations: 30, population: 20000, share: 0.0015 },
      { district: '京ヶ瀬', ...base, population: null, share: null },
    ]);
    expect(d.mode).toBe('count');
    expect(d.rows.map((r) => r.value)).toEqual([30, 10]);
  });
});

describe('distributionRows', () => {
  it('marks the bucket at the cap', () => {
    const rows = distributionRows({ capYen: 5000, distribution: [{ fromYen: 1, toYen: 499, participants: 3 }, { fromYen: 4500, toYen: 4999, participants: 2 }, { fromYen: 5000, toYen: 5000, participants: 7 }] });
    expect(rows.map((r) => r.atCap)).toEqual([false, false, true]);
    expect(bucketLabel(rows[0].fromYen, rows[0].toYen, rows[0].atCap, '上限')).toBe('1〜499');
    expect(bucketLabel(rows[2].fromYen, rows[2].toYen, rows[2].atCap, '上限')).toBe('上限 5,000');
  });
});

describe('heatmapGrid', () => {
  it('covers weekdays in office hours, widened to the hours and weekend days visited', () => {
    const g = heatmapGrid([{ weekday: 1, hour: 9, visits: 4 }, { weekday: 3, hour: 10, visits: 8 }]);
    expect(g.weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(g.hours).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(g.max).toBe(8);
    expect(g.cells.get('3:10')).toBe(8);
    const wide = heatmapGrid([{ weekday: 6, hour: 19, visits: 1 }]);
    expect(wide.weekdays).toHaveLength(7);
    expect(wide.hours[wide.hours.length - 1]).toBe(19);
  });
  it('grades cells by quarters of the busiest', () => {
    expect([0, 1, 2, 4, 5, 8].map((v) => heatLevel(v, 8))).toEqual([0, 1, 1, 2, 3, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });
});

describe('counter rows', () => {
  it('lists every outcome in order and only the reasons that occurred, most first', () => {
    expect(outcomeRows({ unable: 2, completed: 9 })).toEqual([
      { code: 'completed', visits: 9 },
      { code: 'follow_up', visits: 0 },
      { code: 'unable', visits: 2 },
    ]);
    expect(reasonRows({ pin_locked: 1, cert_expired: 4, other: 0 })).toEqual([
      { code: 'cert_expired', visits: 4 },
      { code: 'pin_locked', visits: 1 },
    ]);
  });
});

describe('fraudSeries', () => {
  it('flattens the channels that occurred into each period', () => {
    const s = fraudSeries({
      byChannel: { phone: 3, sms: 1, email: 0 },
      series: [
        { period: '2020-09-07', total: 2, damageYen: 0, byChannel: { phone: 2, sms: 0, email: 0 }, byImpersonated: {} },
        { period: '2020-09-14', total: 2, damageYen: 0, byChannel: { phone: 1, sms: 1, email: 0 }, byImpersonated: {} },
      ],
    });
    expect(s.channels).toEqual(['phone', 'sms']);
    expect(s.rows[1]).toEqual({ period: '2020-09-14', total: 2, phone: 1, sms: 1 });
  });
});

describe('period labels', () => {
  it('writes months in the Japanese era and days short on the axis', () => {
    expect(periodTick('2020-09-01', 'month', 'ja')).toBe('令和2年9月');
    expect(periodTick('2019-05-01', 'month', 'ja')).toBe('令和元年5月');
    expect(periodTick('2020-09-07', 'week', 'ja')).toBe('9/7');
    expect(periodLabel('2020-09-07', 'week', 'ja')).toBe('令和2年9月7日の週');
    expect(periodTick('2020-09-07', 'day', 'en')).toBe('09-07');
  });
});

describe('comparisonRows', () => {
  const row = (code: string, name: string, reservations: number, population: number | null) => ({
    code,
    name,
    reservations,
    applications: 0,
    pointsAwarded: reservations * 10,
    assistedVisits: 0,
    assistedMinutes: 0,
    fraudReports: 0,
    population,
    uptakeShare: population ? reservations / population : null,
  });
  const rows = [row('152064', '新発田市', 300, 1000), row('152234', '阿賀野市', 500, 1000), row('152111', '無人村', 50, null), row('152030', '長岡市', 500, null)];

  it('ranks the municipalities by the metric, the chosen one marked', () => {
    expect(comparisonRows(rows, 'reservations', '152064').map((r) => [r.name, r.value, r.selected])).toEqual([
      ['長岡市', 500, false],
      ['阿賀野市', 500, false],
      ['新発田市', 300, true],
      ['無人村', 50, false],
    ]);
  });

  it('gives the share of the population in percent, and those without a population last with no value', () => {
    expect(comparisonRows(rows, 'uptakeShare', null).map((r) => [r.code, r.value])).toEqual([
      ['152234', 50],
      ['152064', 30],
      ['152030', null],
      ['152111', null],
    ]);
  });

  it('defaults to the share when any municipality has a population, else to reservations', () => {
    expect(defaultComparisonMetric(rows)).toBe('uptakeShare');
    expect(defaultComparisonMetric([row('152030', '長岡市', 1, null)])).toBe('reservations');
    expect(defaultComparisonMetric([])).toBe('reservations');
  });
});
