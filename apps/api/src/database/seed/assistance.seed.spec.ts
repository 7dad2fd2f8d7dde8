import { assistanceRuleViolations, toJstDate } from '@mynapoint/domain';
import { demoVisits } from './assistance.seed';
import { seededRandom } from './seed-context';

const SERVICES = [
  { id: 1, name: 'PayPay', opensOn: '2020-07-01' },
  { id: 2, name: 'FamiPay', opensOn: '2020-09-01' },
];
const NOW = new Date('2026-11-25T06:00:00Z'); // 15:00 JST
const visits = demoVisits(seededRandom(20200701), { counter: 3, counter2: 5 }, SERVICES, NOW);
const jstMinutes = (d: Date) => ((d.getUTCHours() + 9) % 24) * 60 + d.getUTCMinutes();

describe('demoVisits', () => {
  const history = visits.filter((v) => toJstDate(v.visitedAt) <= '2021-03-31');
  const today = visits.filter((v) => toJstDate(v.visitedAt) === toJstDate(NOW));

  it('makes a few thousand visits for the two clerks, then a few today for `counter`', () => {
    expect(history.length).toBeGreaterThan(2500);
    expect(history.length).toBeLessThan(6000);
    expect(new Set(history.map((v) => v.staffId))).toEqual(new Set([3, 5]));
    expect(today.length).toBe(5);
    expect(today.every((v) => v.staffId === 3 && v.visitedAt < NOW && v.createdAt <= NOW)).toBe(true);
  });

  it('keeps every rule the API and the database enforce', () => {
    const broken = visits.filter(
      (v) =>
        assistanceRuleViolations({
          office: v.office,
          assistanceTypes: v.types,
          outcome: v.outcome,
          unableReason: v.unableReason,
          sharedTerminalUsed: v.shared,
          terminalLoggedOut: v.loggedOut,
          serviceIdReadBack: v.readBack,
        }).length > 0 ||
        v.duration < 1 ||
        v.duration > 240 ||
        (v.paymentServiceId === 2 && toJstDate(v.visitedAt) < '2020-09-01'),
    );
    expect(broken).toEqual([]);
  });

  it('happens on weekdays in office hours (08:30–17:15 JST), 2020-07 to 2021-03', () => {
    const outside = history.filter((v) => {
      const day = toJstDate(v.visitedAt);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const minutes = jstMinutes(v.visitedAt);
      return day < '2020-07-01' || day > '2021-03-31' || weekday === 0 || weekday === 6 || minutes < 8 * 60 + 30 || minutes >= 17 * 60 + 15;
    });
    expect(outside).toEqual([]);
  });

  it('is busiest in September 2020 and before the deadlines', () => {
    const perMonth = (m: string) => history.filter((v) => toJstDate(v.visitedAt).startsWith(m)).length;
    expect(perMonth('2020-09')).toBeGreaterThan(perMonth('2020-07') * 2);
    expect(perMonth('2021-03')).toBeGreaterThan(perMonth('2021-01'));
    const lateDec = history.filter((v) => toJstDate(v.visitedAt) >= '2020-12-14' && toJstDate(v.visitedAt) <= '2020-12-28').length;
    const earlyDec = history.filter((v) => toJstDate(v.visitedAt) >= '2020-12-01' && toJstDate(v.visitedAt) <= '2020-12-11').length;
    expect(lateDec).toBeGreaterThan(earlyDec);
  });

  it('is the same every time', () => {
    const again = demoVisits(seededRandom(20200701), { counter: 3, counter2: 5 }, SERVICES, NOW);
    expect(again).toEqual(visits);
  });
});
