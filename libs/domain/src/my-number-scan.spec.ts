import fc from 'fast-check';
import { myNumberCheckDigit } from './my-number';
import { findMyNumberInQuery, findMyNumbersInRequest, loggablePath, loggableUrl } from './my-number-scan';

const N = '123456789018';
const WRONG = '123456789010';
const fw = (s: string) => s.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const FORMATS = [N, fw(N), '1234 5678 9018', '1234-5678-9018', fw('1234－5678－9018'), '1234　5678　9018'];
// A query as Express 5 parses it: strings, or arrays of strings for repeated names.
const filter = (q: string) => ({ filter: JSON.stringify({ q }), range: '[0,24]', sort: '["id","DESC"]' });

describe('findMyNumberInQuery', () => {
  it.each(FORMATS)('names filter.q when the search holds one (%s)', (text) => {
    expect(findMyNumberInQuery(filter(text))).toEqual(['filter.q']);
  });

  it('lets a wrong check digit, phone numbers and dates pass', () => {
    for (const q of [WRONG, '1234-5678-9010', '0250-62-2510', '2020-07-01']) expect(findMyNumberInQuery(filter(q))).toEqual([]);
    expect(findMyNumberInQuery({ from: '2020-07-01', to: '2021-03-31', interval: 'month' })).toEqual([]);
  });

  it('reads JSON escapes, numbers, sort and range, names, repeated and plain parameters', () => {
    const escaped = `{"q":"${[...N].map((d) => `\\u003${d}`).join('')}"}`;
    expect(findMyNumberInQuery({ filter: escaped })).toEqual(['filter.q']);
    expect(findMyNumberInQuery({ filter: `{"id":${N}}` })).toEqual(['filter']);
    expect(findMyNumberInQuery({ sort: JSON.stringify([N, 'ASC']) })).toEqual(['sort.0']);
    expect(findMyNumberInQuery({ range: `[0,${N}]` })).toEqual(['range']);
    expect(findMyNumberInQuery({ [N]: '1' })).toEqual(['(key)']);
    expect(findMyNumberInQuery({ from: ['2020-07-01', '1234 5678 9018'] })).toEqual(['from.1']);
    expect(findMyNumberInQuery({ month: fw(N) })).toEqual(['month']);
    expect(findMyNumberInQuery({ filter: '{"q":' + JSON.stringify(N) })).toEqual(['filter']); // broken JSON: the raw text still counts
  });

  it('never puts the number into a name', () => {
    expect(findMyNumberInQuery({ filter: JSON.stringify({ [N]: 'x' }) }).join()).not.toMatch(/9018/);
  });

  it('finds any valid My Number in any parameter (property)', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, fc.constantFrom('filter', 'from', 'q'), (d, name) => findMyNumberInQuery({ [name]: `番号 ${d}${myNumberCheckDigit(d)}` }).length === 1),
    );
  });
});

describe('findMyNumbersInRequest', () => {
  it('scans body, query and route parameters, by place', () => {
    expect(findMyNumbersInRequest({ body: { notes: N }, query: filter(N), params: { id: fw(N) } })).toEqual({
      body: ['notes'],
      query: ['filter.q'],
      params: ['id'],
    });
  });

  it('is null for a clean request, with or without a body', () => {
    expect(findMyNumbersInRequest({ body: undefined, query: filter('山田'), params: { id: '12' } })).toBeNull();
    expect(findMyNumbersInRequest({ body: { notes: WRONG }, query: {}, params: {} })).toBeNull();
  });
});

describe('loggablePath and loggableUrl', () => {
  const route = { path: '/api/exports/:resource' };

  it('keep clean paths and URLs as they are', () => {
    expect(loggablePath({ path: '/api/exports/participants', route })).toBe('/api/exports/participants');
    expect(loggableUrl({ url: '/api/participants?filter=%7B%22q%22%3A%22x%22%7D' })).toBe('/api/participants?filter=%7B%22q%22%3A%22x%22%7D');
  });

  it('give the route pattern for a path holding one, percent-encoded full-width too', () => {
    expect(loggablePath({ path: `/api/exports/${N}`, route })).toBe('/api/exports/:resource');
    expect(loggablePath({ path: `/api/exports/${encodeURIComponent(fw(N))}`, route })).toBe('/api/exports/:resource');
    expect(loggablePath({ path: `/api/x/${N}` })).toBe('(path withheld)');
  });

  it('withhold the query string holding one, in any encoding', () => {
    for (const text of FORMATS) {
      const url = `/api/participants?${new URLSearchParams(filter(text))}`;
      expect(loggableUrl({ url })).toBe('/api/participants?(query withheld)');
    }
    expect(loggableUrl({ originalUrl: `/api/stats/summary?from=1234+5678+9018`, url: '/ignored' })).toBe('/api/stats/summary?(query withheld)');
    expect(loggableUrl({ url: `/api/exports/${N}?format=csv`, route })).toBe('/api/exports/:resource?format=csv');
  });
});
