import fc from 'fast-check';
import { ASSISTANCE_OUTCOME, ASSISTANCE_TYPE, OFFICE, UNABLE_REASON } from './assistance';
import {
  AssistanceRuleInput,
  assistanceRuleViolations,
  isCardApplicationAtBranch,
  isVisitInFuture,
  isWithinCounterEditWindow,
  needsWrongPersonChecklist,
} from './assistance-rules';

const makeRecord = (overrides: Partial<AssistanceRuleInput> = {}): AssistanceRuleInput => ({
  office: 'main_office',
  assistanceTypes: ['inquiry'],
  outcome: 'completed',
  unableReason: null,
  sharedTerminalUsed: false,
  terminalLoggedOut: false,
  serviceIdReadBack: false,
  ...overrides,
});
const rules = (overrides: Partial<AssistanceRuleInput>) => assistanceRuleViolations(makeRecord(overrides)).map((v) => v.rule);

const anyRecord = fc.record({
  office: fc.constantFrom(...OFFICE.values),
  assistanceTypes: fc.uniqueArray(fc.constantFrom(...ASSISTANCE_TYPE.values), { minLength: 1 }),
  outcome: fc.constantFrom(...ASSISTANCE_OUTCOME.values),
  unableReason: fc.option(fc.constantFrom(...UNABLE_REASON.values), { nil: null }),
  sharedTerminalUsed: fc.boolean(),
  terminalLoggedOut: fc.boolean(),
  serviceIdReadBack: fc.boolean(),
});

describe('assistanceRuleViolations', () => {
  it('accepts a plain inquiry', () => {
    expect(rules({})).toEqual([]);
  });

  it('refuses a card application at a branch office, with the main-office message', () => {
    const [v] = assistanceRuleViolations(makeRecord({ office: 'branch_office', assistanceTypes: ['inquiry', 'card_application'] }));
    expect(v).toMatchObject({ rule: 'card_application_main_office_only', field: 'assistanceTypes' });
    expect(v.message.ja).toContain('本庁');
    expect(v.message.ja).toContain('支所では申請できません');
    expect(rules({ office: 'main_office', assistanceTypes: ['card_application'] })).toEqual([]);
  });

  it('requires a reason exactly when the outcome is unable', () => {
    expect(rules({ outcome: 'unable' })).toEqual(['unable_reason_required']);
    expect(rules({ outcome: 'unable', unableReason: 'pin_locked' })).toEqual([]);
    expect(rules({ outcome: 'completed', unableReason: 'pin_locked' })).toEqual(['unable_reason_only_when_unable']);
    expect(rules({ outcome: 'follow_up', unableReason: undefined })).toEqual([]);
  });

  it('asks for both wrong-person checks when a shared terminal ran a reservation or application', () => {
    for (const type of ['mykey_reservation', 'point_application'] as const) {
      expect(rules({ sharedTerminalUsed: true, assistanceTypes: [type] })).toEqual(['terminal_logout_required', 'service_id_read_back_required']);
      expect(rules({ sharedTerminalUsed: true, assistanceTypes: [type], terminalLoggedOut: true })).toEqual(['service_id_read_back_required']);
      expect(rules({ sharedTerminalUsed: true, assistanceTypes: [type], terminalLoggedOut: true, serviceIdReadBack: true })).toEqual([]);
    }
    // A shared terminal for a certificate renewal alone, or an own device: no checklist.
    expect(rules({ sharedTerminalUsed: true, assistanceTypes: ['cert_renewal', 'pc_lending'] })).toEqual([]);
    expect(rules({ sharedTerminalUsed: false, assistanceTypes: ['point_application'] })).toEqual([]);
  });

  it('agrees with each rule stated on its own (property)', () => {
    fc.assert(
      fc.property(anyRecord, (r) => {
        const found = new Set(assistanceRuleViolations(r).map((v) => v.rule));
        const risky = r.assistanceTypes.includes('mykey_reservation') || r.assistanceTypes.includes('point_application');
        return (
          found.has('card_application_main_office_only') === (r.office === 'branch_office' && r.assistanceTypes.includes('card_application')) &&
          found.has('unable_reason_required') === (r.outcome === 'unable' && r.unableReason === null) &&
          found.has('unable_reason_only_when_unable') === (r.outcome !== 'unable' && r.unableReason !== null) &&
          found.has('terminal_logout_required') === (r.sharedTerminalUsed && risky && !r.terminalLoggedOut) &&
          found.has('service_id_read_back_required') === (r.sharedTerminalUsed && risky && !r.serviceIdReadBack)
        );
      }),
    );
  });

  it('names a field for every violation, so forms can show it in place', () => {
    fc.assert(fc.property(anyRecord, (r) => assistanceRuleViolations(r).every((v) => v.field && v.message.ja && v.message.en)));
  });
});

describe('needsWrongPersonChecklist / isCardApplicationAtBranch', () => {
  it('tolerate missing values (forms still being filled in)', () => {
    expect(needsWrongPersonChecklist({ sharedTerminalUsed: true, assistanceTypes: null })).toBe(false);
    // A city terminal recorded is a shared terminal used, whatever else is ticked (issue #21).
    expect(needsWrongPersonChecklist({ sharedTerminalUsed: false, terminalId: 3, assistanceTypes: ['point_application'] })).toBe(true);
    expect(needsWrongPersonChecklist({ sharedTerminalUsed: false, terminalId: null, assistanceTypes: ['point_application'] })).toBe(false);
    expect(isCardApplicationAtBranch({ office: undefined, assistanceTypes: ['card_application'] })).toBe(false);
  });
});

describe('isWithinCounterEditWindow', () => {
  it('is the JST calendar day the record was logged', () => {
    const loggedAt = new Date('2020-09-01T23:30:00+09:00');
    expect(isWithinCounterEditWindow(loggedAt, new Date('2020-09-01T23:59:59+09:00'))).toBe(true);
    expect(isWithinCounterEditWindow(loggedAt, new Date('2020-09-02T00:00:00+09:00'))).toBe(false);
    // 08:00 JST is still the previous day in UTC: JST decides.
    expect(isWithinCounterEditWindow(new Date('2020-09-02T08:00:00+09:00'), new Date('2020-09-02T17:00:00+09:00'))).toBe(true);
    expect(isWithinCounterEditWindow(new Date('2020-09-01T16:00:00+09:00'), new Date('2020-09-02T08:00:00+09:00'))).toBe(false);
  });
});

describe('isVisitInFuture', () => {
  it('tolerates a few minutes of clock difference, not more', () => {
    const now = new Date('2020-09-01T10:00:00+09:00');
    expect(isVisitInFuture(new Date('2020-09-01T10:09:00+09:00'), now)).toBe(false);
    expect(isVisitInFuture(new Date('2020-09-01T10:11:00+09:00'), now)).toBe(true);
    expect(isVisitInFuture(new Date('2020-08-01T10:00:00+09:00'), now)).toBe(false);
  });
});
