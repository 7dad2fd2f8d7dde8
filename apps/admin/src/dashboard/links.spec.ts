/// <reference types="jest" />
import { dashboardLinks, filterOf, listPath } from './links';

const scope = { from: '2020-07-01', to: '2021-03-31', campaignId: 1 };

describe('listPath', () => {
  it('puts the filter and the shown filter inputs in the list address', () => {
    const path = listPath('applications', { paymentServiceId: 3, channel: undefined, campaignId: null });
    expect(path.startsWith('/applications?filter=')).toBe(true);
    expect(filterOf(path)).toEqual({ paymentServiceId: 3 });
    expect(JSON.parse(new URLSearchParams(path.split('?')[1]).get('displayedFilters')!)).toEqual({ paymentServiceId: true });
  });
});

describe('dashboardLinks', () => {
  it('filters each list by its own date field and the campaign', () => {
    expect(filterOf(dashboardLinks.reservations(scope, { channel: 'counter' }))).toEqual({ campaignId: 1, reservedAt_gte: '2020-07-01', reservedAt_lte: '2021-03-31', channel: 'counter' });
    expect(filterOf(dashboardLinks.applications(scope, { paymentServiceId: [4, 5] }))).toEqual({ campaignId: 1, appliedAt_gte: '2020-07-01', appliedAt_lte: '2021-03-31', paymentServiceId: [4, 5] });
    expect(filterOf(dashboardLinks.pointAwards(scope))).toEqual({ campaignId: 1, transactionDate_gte: '2020-07-01', transactionDate_lte: '2021-03-31' });
    expect(filterOf(dashboardLinks.participants(scope, { capReached: true }))).toEqual({ campaignId: 1, capReached: true });
  });
  it('leaves the campaign off lists that have none, and when all campaigns are shown', () => {
    expect(filterOf(dashboardLinks.assistance(scope, { outcome: 'unable' }))).toEqual({ visitedAt_gte: '2020-07-01', visitedAt_lte: '2021-03-31', outcome: 'unable' });
    expect(filterOf(dashboardLinks.fraud(scope))).toEqual({ reportedAt_gte: '2020-07-01', reportedAt_lte: '2021-03-31' });
    expect(filterOf(dashboardLinks.reservations({ ...scope, campaignId: null }))).toEqual({ reservedAt_gte: '2020-07-01', reservedAt_lte: '2021-03-31' });
  });
});
