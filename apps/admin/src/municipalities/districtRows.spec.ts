import { describe, expect, it } from '@jest/globals';
import { fromDistrictRows, toDistrictRows, withDistrictRows, withoutDistrictRows } from './districtRows';

describe('toDistrictRows', () => {
  it('gives one row per district in order, with its population when there is one', () => {
    expect(toDistrictRows({ districts: ['水原', '京ヶ瀬'], districtPopulation: { 水原: 21000 } })).toEqual([
      { name: '水原', population: 21000 },
      { name: '京ヶ瀬', population: null },
    ]);
  });

  it('keeps a district known only by its population (set from the environment), after the others', () => {
    expect(toDistrictRows({ districts: ['水原'], districtPopulation: { 架空: 10 } })).toEqual([
      { name: '水原', population: null },
      { name: '架空', population: 10 },
    ]);
  });

  it('is empty for a record without districts', () => {
    expect(toDistrictRows({})).toEqual([]);
  });
});

describe('fromDistrictRows', () => {
  it('drops blank rows, trims names, keeps the first of a repeated name and leaves empty populations out', () => {
    expect(
      fromDistrictRows([{ name: ' 水原 ', population: 21000 }, { name: '', population: 5 }, null, { name: '安田' }, { name: '水原', population: 1 }, { name: '笹神', population: null }]),
    ).toEqual({ districts: ['水原', '安田', '笹神'], districtPopulation: { 水原: 21000 } });
  });

  it('round-trips a record', () => {
    const record = { districts: ['水原', '京ヶ瀬', '安田'], districtPopulation: { 水原: 21000, 安田: 8000 } };
    expect(fromDistrictRows(toDistrictRows(record))).toEqual(record);
  });
});

describe('withDistrictRows / withoutDistrictRows', () => {
  it('swaps the API fields for the rows and back, keeping the rest', () => {
    const form = withDistrictRows({ id: 1, name: '阿賀野市', districts: ['水原'], districtPopulation: { 水原: 3 } });
    expect(form).toEqual({ id: 1, name: '阿賀野市', districtRows: [{ name: '水原', population: 3 }] });
    expect(withoutDistrictRows(form)).toEqual({ id: 1, name: '阿賀野市', districts: ['水原'], districtPopulation: { 水原: 3 } });
  });
});
