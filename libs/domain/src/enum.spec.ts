import { defineEnum } from './enum';

describe('defineEnum', () => {
  const COLOR = defineEnum({ red: { ja: '赤', en: 'Red' }, blue: { ja: '青', en: 'Blue' } });

  it('lists values in declaration order and labels them', () => {
    expect(COLOR.values).toEqual(['red', 'blue']);
    expect(COLOR.label('blue')).toBe('青');
    expect(COLOR.label('blue', 'en')).toBe('Blue');
  });

  it('shows unknown codes as they are and null as empty', () => {
    expect(COLOR.label('green')).toBe('green');
    expect(COLOR.label(null)).toBe('');
  });

  it('recognises only its own codes', () => {
    expect(COLOR.has('red')).toBe(true);
    expect(COLOR.has('RED')).toBe(false);
    expect(COLOR.has(1)).toBe(false);
  });
});
