import type { StatInterval } from '@mynapoint/domain';

// The shapes of GET /api/stats/* as this dashboard reads them (the API's OpenAPI
// document is the reference; summary, uptake and points come from the stats feature).

export interface SummaryStats {
  from: string;
  to: string;
  campaignId: number | null;
  reservations: number;
  applications: number;
  awardedParticipants: number;
  pointsAwarded: number;
  capReachedParticipants: number;
  /** capReachedParticipants / awardedParticipants (0..1). Participant figures are campaign totals, not the period's. */
  capReachedShare: number;
  quotaCapacity: number;
  quotaUsed: number;
  quotaRemaining: number;
  assistedVisitsThisMonth: number;
  openFraudAlerts: number;
}

export interface UptakeStats {
  from: string;
  to: string;
  interval: StatInterval;
  campaignId: number | null;
  quotaCapacity: number;
  series: { period: string; reservations: number; applications: number; cumulativeReservations: number; cumulativeApplications: number }[];
  funnel: { reserved: number; applied: number; awarded: number };
  byChannel: { channel: string; reservations: number; applications: number }[];
  byService: { paymentServiceId: number; name: string; kind: string; applications: number }[];
  byServiceKind: { kind: string; applications: number }[];
  byAgeBand: { ageBand: string | null; reservations: number; applications: number }[];
  byDistrict: { district: string | null; reservations: number; applications: number; population: number | null; share: number | null }[];
}

export interface PointsStats {
  from: string;
  to: string;
  interval: StatInterval;
  campaignId: number | null;
  capYen: number;
  totalPoints: number;
  awards: number;
  awardedParticipants: number;
  capReachedParticipants: number;
  series: { period: string; points: number; awards: number }[];
  byService: { paymentServiceId: number; name: string; points: number; awards: number }[];
  /** Both ends included; the last bucket has fromYen = toYen = cap: the participants at the cap. */
  distribution: { fromYen: number; toYen: number; participants: number }[];
}

export interface CounterTotals {
  visits: number;
  minutes: number;
  outcomes: Record<string, number>;
  unableReasons: Record<string, number>;
}

export interface CounterStats {
  scope: 'own' | 'all';
  from: string;
  to: string;
  interval: StatInterval;
  today: CounterTotals & { date: string };
  week: CounterTotals & { from: string; to: string };
  range: CounterTotals & { from: string; to: string };
  series: { period: string; visits: number; minutes: number }[];
  /** ISO weekday 1 (Monday) … 7, hour 0–23 JST; cells with no visit are left out. */
  byWeekdayHour: { weekday: number; hour: number; visits: number }[];
}

export interface FraudStats {
  from: string;
  to: string;
  interval: StatInterval;
  total: number;
  totalDamageYen: number;
  withDamage: number;
  byChannel: Record<string, number>;
  byImpersonated: Record<string, number>;
  requestedItems: Record<string, number>;
  bySeverity: Record<string, number>;
  byStatus: Record<string, number>;
  series: { period: string; total: number; damageYen: number; byChannel: Record<string, number>; byImpersonated: Record<string, number> }[];
}
