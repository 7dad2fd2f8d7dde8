/// <reference types="jest" />
import { bucketRange, campaignSpan, defaultInterval, periodProblem, presetRange, resolvePeriod, samePeriod, statsQuery, type DashboardSettings } from './period';

const ROUND1 = { id: 1, reservationOpensOn: '2020-07-01', reservationClosesOn: '2021-03-31', applicationClosesOn: '2021-03-31', earningEndsOn: '2021-03-31' };
const DEMO = { id: 2, reservationOpensOn: '2026-10-27', reservationClosesOn: '2027-11-26', applicationClosesOn: '2027-11-26', earningEndsOn: '2027-11-26' };

describe('campaignSpan', () => {
  it('spans one campaign, or every campaign when none is chosen', () => {
    expect(campaignSpan([ROUND1, DEMO], 1)).toEqual({ start: '2020-07-01', end: '2021-03-31' });
    expect(campaignSpan([ROUND1, DEMO], null)).toEqual({ start: '2020-07-01', end: '2027-11-26' });
  });
  it('is null without campaigns or for an unknown one', () => {
    expect(campaignSpan([], null)).toBeNull();
    expect(campaignSpan([ROUND1], 9)).toBeNull();
  });
});

describe('presetRange', () => {
  const today = '2020-09-02'; // a Wednesday
  it('starts this week on Monday and this month on the 1st, both ending today', () => {
    expect(presetRange('week', today, null)).toEqual({ from: '2020-08-31', to: today });
    expect(presetRange('month', today, null)).toEqual({ from: '2020-09-01', to: today });
  });
  it('runs from the campaign start to today, or to its end once it is over', () => {
    expect(presetRange('campaign', today, { start: '2020-07-01', end: '2021-03-31' })).toEqual({ from: '2020-07-01', to: today });
    expect(presetRange('campaign', '2026-11-26', { start: '2020-07-01', end: '2021-03-31' })).toEqual({ from: '2020-07-01', to: '2021-03-31' });
  });
  it('never ends before it starts for a campaign that has not begun', () => {
    expect(presetRange('campaign', today, { start: '2020-10-01', end: '2021-03-31' })).toEqual({ from: '2020-10-01', to: '2020-10-01' });
  });
  it('falls back to this month without campaigns', () => {
    expect(presetRange('campaign', today, null)).toEqual({ from: '2020-09-01', to: today });
  });
});

describe('defaultInterval', () => {
  it('uses days for a month, weeks for a season, months beyond a year', () => {
    expect(defaultInterval('2020-09-01', '2020-09-30')).toBe('day');
    expect(defaultInterval('2020-07-01', '2021-03-31')).toBe('week');
    expect(defaultInterval('2020-07-01', '2026-11-26')).toBe('month');
  });
});

describe('periodProblem', () => {
  it('accepts a good period and names what is wrong with a bad one', () => {
    expect(periodProblem({ from: '2020-07-01', to: '2021-03-31', interval: 'day' })).toBeNull();
    expect(periodProblem({ from: '2020-02-30', to: '2021-03-31', interval: 'day' })).toBe('resources.dashboard.controls.bad_date');
    expect(periodProblem({ from: '2021-04-01', to: '2021-03-31', interval: 'day' })).toBe('resources.dashboard.controls.from_after_to');
    expect(periodProblem({ from: '2000-01-01', to: '2026-11-26', interval: 'day' })).toBe('resources.dashboard.controls.too_many_periods');
    expect(periodProblem({ from: '2000-01-01', to: '2026-11-26', interval: 'month' })).toBeNull();
  });
});

describe('bucketRange', () => {
  const bounds = { from: '2020-07-01', to: '2021-03-15' };
  it('covers the whole bucket inside the period', () => {
    expect(bucketRange('2020-09-01', 'month', bounds)).toEqual({ from: '2020-09-01', to: '2020-09-30' });
    expect(bucketRange('2020-08-31', 'week', bounds)).toEqual({ from: '2020-08-31', to: '2020-09-06' });
    expect(bucketRange('2020-09-02', 'day', bounds)).toEqual({ from: '2020-09-02', to: '2020-09-02' });
  });
  it('clips the first and last buckets to the period', () => {
    expect(bucketRange('2020-06-29', 'week', bounds)).toEqual({ from: '2020-07-01', to: '2020-07-05' });
    expect(bucketRange('2021-03-01', 'month', bounds)).toEqual({ from: '2021-03-01', to: '2021-03-15' });
  });
});

describe('statsQuery', () => {
  it('leaves the campaign out when all are shown', () => {
    expect(statsQuery({ preset: 'custom', from: '2020-07-01', to: '2020-07-31', interval: 'day', campaignId: null })).toEqual({ from: '2020-07-01', to: '2020-07-31', interval: 'day', campaignId: undefined });
    expect(statsQuery({ preset: 'campaign', from: '2020-07-01', to: '2020-07-31', interval: 'week', campaignId: 3 })).toMatchObject({ campaignId: 3 });
  });
});

describe('resolvePeriod', () => {
  const campaigns = [{ ...ROUND1, name: '第1弾' }, { ...DEMO, name: 'デモ' }];
  const base: DashboardSettings = { preset: 'campaign', from: null, to: null, interval: null, campaignId: null };
  it('reads the default as all campaigns since the first began, by month', () => {
    expect(resolvePeriod(base, '2026-11-26', campaigns)).toEqual({ preset: 'campaign', from: '2020-07-01', to: '2026-11-26', interval: 'month', campaignId: null });
  });
  it('follows the chosen campaign and the chosen interval', () => {
    expect(resolvePeriod({ ...base, campaignId: 1, interval: 'day' }, '2026-11-26', campaigns)).toEqual({ preset: 'campaign', from: '2020-07-01', to: '2021-03-31', interval: 'day', campaignId: 1 });
  });
  it('gives the same period for the same choices, and another when a choice differs', () => {
    const a = resolvePeriod(base, '2026-11-26', campaigns);
    expect(samePeriod(a, resolvePeriod(base, '2026-11-26', campaigns))).toBe(true);
    expect(samePeriod(a, resolvePeriod({ ...base, interval: 'week' }, '2026-11-26', campaigns))).toBe(false);
    expect(samePeriod(a, resolvePeriod(base, '2026-11-27', campaigns))).toBe(false);
  });
  it('takes the span given instead of the campaigns (a prefecture user’s, from the comparison)', () => {
    expect(resolvePeriod(base, '2026-11-26', [], { start: '2020-07-01', end: '2026-11-26' })).toEqual({ preset: 'campaign', from: '2020-07-01', to: '2026-11-26', interval: 'month', campaignId: null });
    expect(resolvePeriod(base, '2026-11-26', campaigns, null)).toMatchObject({ from: '2026-11-01', to: '2026-11-26' });
    expect(resolvePeriod({ ...base, preset: 'week' }, '2026-11-26', [], { start: '2020-07-01', end: '2026-11-26' })).toMatchObject({ from: '2026-11-23', to: '2026-11-26' });
  });
  it('drops a remembered campaign that does not exist here', () => {
    expect(resolvePeriod({ ...base, campaignId: 99 }, '2026-11-26', campaigns).campaignId).toBeNull();
  });
  it('keeps custom dates, and falls back to this month when they are missing', () => {
    expect(resolvePeriod({ ...base, preset: 'custom', from: '2020-09-01', to: '2020-09-30' }, '2026-11-26', campaigns)).toMatchObject({ from: '2020-09-01', to: '2020-09-30', interval: 'day' });
    expect(resolvePeriod({ ...base, preset: 'custom' }, '2026-11-26', campaigns)).toMatchObject({ from: '2026-11-01', to: '2026-11-26' });
  });
});
