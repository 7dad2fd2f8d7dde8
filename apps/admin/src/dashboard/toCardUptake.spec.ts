/// <reference types="jest" />
import type { CardUptakeGroup, CardUptakeStats } from '@mynapoint/domain';
import { cardAsOf, hasCardFigures, leadTarget, toCardUptake } from './toCardUptake';

const group = (population: number, cardApplications: number, cardsIssued: number, gaps: [number, number][] = []): CardUptakeGroup => ({
  population,
  cardApplications,
  cardsIssued,
  applicationRatePercent: population ? Math.round((cardApplications / population) * 1000) / 10 : null,
  issuanceRatePercent: population ? Math.round((cardsIssued / population) * 1000) / 10 : null,
  gaps: gaps.map(([targetId, people]) => ({ targetId, people, reached: people === 0 })),
});

const makeStats = (over: Partial<CardUptakeStats> = {}): CardUptakeStats => ({
  asOf: '2023-01-15',
  figuresAsOf: '2022-12-31',
  overall: group(21500, 11092, 9600, [
    [1, 497],
    [2, 3300],
  ]),
  byDistrict: [
    { district: '水原', ...group(15000, 8000, 6900, [[1, 0], [2, 2100]]) },
    { district: '京ヶ瀬', ...group(6500, 3092, 2700, [[1, 412], [2, 1200]]) },
  ],
  byAgeBand: [{ ageBand: '70_plus', ...group(8000, 3500, 3200, [[1, 812], [2, 1600]]) }],
  national: { asOf: '2022-12-31', applicationRatePercent: 66.2, issuanceRatePercent: 55.5 },
  prefecture: null,
  targets: [
    { id: 1, name: '国の交付金の要件', metric: 'application_rate', percent: 53.9, dueOn: '2022-12-31', currentPercent: 51.6, people: 497, reached: false },
    { id: 2, name: '交付率 60%', metric: 'issuance_rate', percent: 60, dueOn: '2023-12-31', currentPercent: 44.7, people: 3300, reached: false },
  ],
  series: [
    { month: '2022-10', asOf: null, city: null, national: null, prefecture: null },
    { month: '2022-11', asOf: '2022-11-30', city: group(21500, 10692, 9200), national: { applicationRatePercent: 50.1, issuanceRatePercent: 45 }, prefecture: null },
    { month: '2022-12', asOf: '2022-12-31', city: group(21500, 11092, 9600), national: { applicationRatePercent: 66.2, issuanceRatePercent: 55.5 }, prefecture: null },
  ],
  ...over,
});

describe('toCardUptake', () => {
  it('takes the application rate, its count, and the targets of that metric only', () => {
    const v = toCardUptake(makeStats(), 'application_rate');
    expect(v.headline).toEqual({ city: 51.6, count: 11092, population: 21500, national: 66.2, prefecture: null, benchmarkAsOf: '2022-12-31' });
    expect(v.targets.map((t) => [t.name, t.people])).toEqual([['国の交付金の要件', 497]]);
    expect(v.districts).toEqual([
      { key: '水原', rate: 53.3, count: 8000, population: 15000, gaps: [{ targetId: 1, people: 0, reached: true }] },
      { key: '京ヶ瀬', rate: 47.6, count: 3092, population: 6500, gaps: [{ targetId: 1, people: 412, reached: false }] },
    ]);
    expect(v.ageBands[0]).toMatchObject({ key: '70_plus', rate: 43.8, gaps: [{ targetId: 1, people: 812 }] });
  });

  it('switches every figure to the issuance rate', () => {
    const v = toCardUptake(makeStats(), 'issuance_rate');
    expect(v.headline).toMatchObject({ city: 44.7, count: 9600, national: 55.5 });
    expect(v.targets.map((t) => t.id)).toEqual([2]);
    expect(v.districts[1]).toMatchObject({ rate: 41.5, count: 2700, gaps: [{ targetId: 2, people: 1200 }] });
    expect(v.months.map((m) => m.national)).toEqual([45, 55.5]);
  });

  it('draws the line over the months that have a figure, each with the snapshot behind it', () => {
    const v = toCardUptake(makeStats(), 'application_rate');
    expect(v.months).toEqual([
      { month: '2022-11', asOf: '2022-11-30', city: 49.7, national: 50.1, prefecture: null },
      { month: '2022-12', asOf: '2022-12-31', city: 51.6, national: 66.2, prefecture: null },
    ]);
  });
});

describe('hasCardFigures and leadTarget', () => {
  it('tells an empty municipality from one with figures', () => {
    expect(hasCardFigures(makeStats())).toBe(true);
    expect(hasCardFigures(makeStats({ figuresAsOf: null, series: [] }))).toBe(false);
  });

  it('marks the earliest target not yet reached, else the last', () => {
    const t = (id: number, reached: boolean) => ({ id, name: String(id), percent: 50, dueOn: '2023-01-01', people: reached ? 0 : 5, reached });
    expect(leadTarget([t(1, true), t(2, false), t(3, false)])?.id).toBe(2);
    expect(leadTarget([t(1, true), t(2, true)])?.id).toBe(2);
    expect(leadTarget([])).toBeNull();
  });
});

describe('cardAsOf', () => {
  it('asks for a past month at its last day, and for today otherwise', () => {
    expect(cardAsOf('2024-02', '2026-12-07')).toBe('2024-02-29');
    expect(cardAsOf('2023-12', '2026-12-07')).toBe('2023-12-31');
    expect(cardAsOf('2026-12', '2026-12-07')).toBe('2026-12-07');
    expect(cardAsOf(null, '2026-12-07')).toBe('2026-12-07');
  });
});
