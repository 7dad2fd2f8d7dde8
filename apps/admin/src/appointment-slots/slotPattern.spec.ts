/// <reference types="jest" />
import { defaultPattern, patternErrors, previewPattern, toPattern, type PatternValues } from './slotPattern';

const base = (over: Partial<PatternValues> = {}): PatternValues => ({ ...defaultPattern('2022-09-12'), deskId: 1, ...over });

describe('toPattern', () => {
  it('is the API body: ISO weekdays as numbers in order, empty break as null', () => {
    expect(toPattern(base({ weekdays: ['5', '1', '3'], breakStart: '', breakEnd: '' }))).toEqual({
      from: '2022-09-12',
      to: '2022-09-12',
      weekdays: [1, 3, 5],
      startTime: '09:00',
      endTime: '16:30',
      everyMinutes: 30,
      seats: 3,
      breakStart: null,
      breakEnd: null,
    });
  });
  it('is null while a time or a number is malformed', () => {
    expect(toPattern(base({ startTime: '9:00' }))).toBeNull();
    expect(toPattern(base({ everyMinutes: null }))).toBeNull();
    expect(toPattern(base({ weekdays: [] }))).toBeNull();
  });
});

describe('previewPattern', () => {
  it('counts Mon–Fri 9:00–16:30 every 30 minutes with the lunch hour off: 13 slots a day, 3 seats each', () => {
    // 2022-09-12 (Mon) … 2022-09-16 (Fri): five working days.
    expect(previewPattern(base({ to: '2022-09-16' }))).toEqual({ slots: 65, seats: 195, days: 5, skipped: [] });
  });
  it('skips public holidays and names them (2022-09-19 敬老の日, 2022-09-23 秋分の日)', () => {
    const p = previewPattern(base({ from: '2022-09-19', to: '2022-09-23' }));
    expect(p).toMatchObject({ days: 3, slots: 39 });
    expect(p?.skipped.map((s) => s.date)).toEqual(['2022-09-19', '2022-09-23']);
  });
  it('skips days outside a pop-up desk’s dates', () => {
    const p = previewPattern(base({ to: '2022-09-16' }), { opensOn: '2022-09-14', closesOn: '2022-09-15' });
    expect(p).toMatchObject({ days: 2, slots: 26 });
  });
  it('is null while the pattern is incomplete or wrong', () => {
    expect(previewPattern(base({ endTime: '08:00' }))).toBeNull();
    expect(previewPattern(base({ seats: null }))).toBeNull();
  });
});

describe('patternErrors', () => {
  it('asks for every field and says what is wrong across fields', () => {
    expect(patternErrors(base(), '必須')).toEqual({});
    expect(patternErrors(base({ deskId: null, weekdays: [] }), '必須')).toMatchObject({ deskId: '必須', weekdays: '必須' });
    expect(Object.keys(patternErrors(base({ from: '2022-09-20', to: '2022-09-19' }), '必須'))).toEqual(['to']);
    expect(Object.keys(patternErrors(base({ breakStart: '12:00', breakEnd: '' }), '必須'))).toEqual(['breakEnd']);
  });
});
