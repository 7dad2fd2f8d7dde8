import { PREFECTURE } from './prefectures';

describe('PREFECTURE', () => {
  it('lists the 47 prefectures in code order, 01 北海道 to 47 沖縄県', () => {
    expect(PREFECTURE.values).toHaveLength(47);
    expect(PREFECTURE.values[0]).toBe('01');
    expect(PREFECTURE.values[46]).toBe('47');
    expect([...PREFECTURE.values].sort()).toEqual(PREFECTURE.values);
    expect(PREFECTURE.label('15')).toBe('新潟県');
    expect(PREFECTURE.label('15', 'en')).toBe('Niigata');
  });
});
