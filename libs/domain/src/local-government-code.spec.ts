import fc from 'fast-check';
import { checkDigit, localGovernmentCodeProblem, prefectureOf } from './local-government-code';

describe('localGovernmentCodeProblem', () => {
  it.each(['152234', '152064', '011002', '131016', '150002', '472018'])('accepts the real code %s', (code) => {
    expect(localGovernmentCodeProblem(code)).toBeNull();
  });

  it.each([
    ['15223', 'format'],
    ['1522345', 'format'],
    ['15223a', 'format'],
    ['１５２２３４', 'format'],
    ['000000', 'prefecture'],
    ['482001', 'prefecture'],
    ['152235', 'check_digit'],
    ['152046', 'check_digit'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(localGovernmentCodeProblem(code)).toBe(problem);
  });

  // Both remainders 0 and 10 give the check digit 1: a typo between those two passes.
  const remainder = (code: string) => [6, 5, 4, 3, 2].reduce((n, w, i) => n + w * Number(code[i]), 0) % 11;

  it('catches a single wrong digit among the first five (a typo), but for the 0/10 remainder pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 47 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 9 }), (pref, rest, at, delta) => {
        const five = `${String(pref).padStart(2, '0')}${String(rest).padStart(3, '0')}`;
        const code = five + checkDigit(five);
        expect(localGovernmentCodeProblem(code)).toBeNull();
        const typo = code.slice(0, at) + String((Number(code[at]) + delta) % 10) + code.slice(at + 1);
        fc.pre(!([0, 10].includes(remainder(code)) && [0, 10].includes(remainder(typo))));
        expect(localGovernmentCodeProblem(typo)).not.toBeNull();
      }),
    );
  });
});

describe('prefectureOf', () => {
  it('reads the first two digits', () => {
    expect(prefectureOf('152234')).toBe('15');
    expect(prefectureOf('011002')).toBe('01');
    expect(prefectureOf('000000')).toBeNull();
  });
});
