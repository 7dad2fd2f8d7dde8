/// <reference types="jest" />
import { CAMPAIGN_DATE_FIELDS, MEASURE_DATE_FIELDS, toDeadlineHistory, type AuditRow } from './deadlineHistory';

const FIELDS = { campaigns: CAMPAIGN_DATE_FIELDS, measures: MEASURE_DATE_FIELDS };
const row = (over: Partial<AuditRow>): AuditRow => ({ id: 1, at: '2021-01-01T00:00:00+09:00', username: 'policy', action: 'update', resource: 'campaigns', resourceId: '1', changes: {}, before: {}, ...over });

describe('toDeadlineHistory', () => {
  it('lists each date an update changed, with its earlier value, newest first', () => {
    const history = toDeadlineHistory(
      [
        // Round 1's first extension, then the second (react-admin sends the whole record: unchanged dates come along).
        row({ id: 10, at: '2020-11-17T10:00:00+09:00', changes: { name: '第1弾', earningEndsOn: '2021-09-30', applicationClosesOn: '2021-09-30', earningStartsOn: '2020-09-01' }, before: { name: '第1弾', earningEndsOn: '2021-03-31', applicationClosesOn: '2021-03-31', earningStartsOn: '2020-09-01' } }),
        row({ id: 20, at: '2021-08-20T09:00:00+09:00', username: 'admin', changes: { earningEndsOn: '2021-12-31' }, before: { earningEndsOn: '2021-09-30' } }),
      ],
      FIELDS,
    );
    expect(history.map((h) => [h.username, h.field, h.from, h.to, h.extended])).toEqual([
      ['admin', 'earningEndsOn', '2021-09-30', '2021-12-31', true],
      ['policy', 'applicationClosesOn', '2021-03-31', '2021-09-30', true],
      ['policy', 'earningEndsOn', '2021-03-31', '2021-09-30', true],
    ]);
  });

  it('reads a measure’s rows with the measure’s fields, and marks a deadline brought forward as no extension', () => {
    const history = toDeadlineHistory([row({ resource: 'measures', resourceId: '7', changes: { applicationClosesOn: '2023-02-28' }, before: { applicationClosesOn: '2023-05-31' } })], FIELDS);
    expect(history).toEqual([expect.objectContaining({ resource: 'measures', resourceId: '7', field: 'applicationClosesOn', extended: false })]);
  });

  it('skips creates, rows without an earlier value, other fields and non-dates', () => {
    expect(
      toDeadlineHistory(
        [
          row({ action: 'create', changes: { earningEndsOn: '2021-03-31' }, before: null }),
          row({ changes: { earningEndsOn: '2021-12-31' }, before: {} }),
          row({ changes: { name: 'x', capPerPersonYen: 6000 }, before: { name: 'y', capPerPersonYen: 5000 } }),
          row({ changes: { earningEndsOn: null }, before: { earningEndsOn: '2021-03-31' } }),
          row({ changes: 'not an object' }),
        ],
        FIELDS,
      ),
    ).toEqual([]);
  });
});
