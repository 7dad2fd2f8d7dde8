import type { AssistanceOutcome, UnableReason } from './assistance';
import type { TargetMetric } from './card-uptake';
import type { StatInterval } from './stat-periods';
import type { AgeBand } from './uptake';

// The responses of GET /api/stats/*: written once here, returned by the API's stats
// services (their OpenAPI DTO classes implement these, so the two cannot drift) and
// read by the admin's dashboard. Enum-valued fields carry the codes as stored.

/** GET /api/stats/summary */
export interface SummaryStats {
  from: string;
  to: string;
  /** null: every campaign. */
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

export interface UptakePeriod {
  period: string;
  reservations: number;
  applications: number;
  cumulativeReservations: number;
  cumulativeApplications: number;
}

export interface UptakeByDistrict {
  district: string | null;
  reservations: number;
  applications: number;
  population: number | null;
  share: number | null;
}

/** GET /api/stats/uptake */
export interface UptakeStats {
  from: string;
  to: string;
  interval: StatInterval;
  campaignId: number | null;
  quotaCapacity: number;
  series: UptakePeriod[];
  funnel: { reserved: number; applied: number; awarded: number };
  byChannel: { channel: string; reservations: number; applications: number }[];
  byService: { paymentServiceId: number; name: string; kind: string; applications: number }[];
  byServiceKind: { kind: string; applications: number }[];
  byAgeBand: { ageBand: string | null; reservations: number; applications: number }[];
  byDistrict: UptakeByDistrict[];
}

export interface PointsBucket {
  fromYen: number;
  toYen: number;
  participants: number;
}

/** GET /api/stats/points */
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
  distribution: PointsBucket[];
}

export interface CounterTotals {
  visits: number;
  minutes: number;
  /** One key per code, zeros included. */
  outcomes: Record<AssistanceOutcome, number>;
  unableReasons: Record<UnableReason, number>;
}

/** GET /api/stats/counter */
export interface CounterStats {
  /** own: a counter clerk's own records; all: every clerk's. */
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

export interface FraudStatsPeriod {
  period: string;
  total: number;
  damageYen: number;
  byChannel: Record<string, number>;
  byImpersonated: Record<string, number>;
}

/** GET /api/stats/fraud */
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
  series: FraudStatsPeriod[];
}

/** One municipality's row of GET /api/stats/municipalities (figures within from..to). */
export interface MunicipalityStatsRow {
  /** The municipality's 6-digit local government code. */
  code: string;
  name: string;
  reservations: number;
  applications: number;
  pointsAwarded: number;
  assistedVisits: number;
  assistedMinutes: number;
  fraudReports: number;
  /** The sum of the municipality's district populations; null when none is set. */
  population: number | null;
  /** reservations / population (0..1); null without a population. */
  uptakeShare: number | null;
}

/** GET /api/stats/municipalities: the caller's municipalities side by side, and their sum. */
export interface MunicipalityStats {
  from: string;
  to: string;
  /** By code. */
  municipalities: MunicipalityStatsRow[];
  /** The rows summed (population: of the rows that have one; uptakeShare over those rows only). */
  total: Omit<MunicipalityStatsRow, 'code' | 'name'>;
}

/** One group's counts of a population snapshot and the rates they give (GET /api/stats/card-uptake). */
export interface CardUptakeFigures {
  population: number;
  cardApplications: number;
  cardsIssued: number;
  /** 100 × count / population, one decimal, rounded half up; null without a population. */
  applicationRatePercent: number | null;
  issuanceRatePercent: number | null;
}

/** How far a group is from one target: the people (applications or cards, by the target's metric) still missing. */
export interface CardUptakeGap {
  targetId: number;
  people: number;
  reached: boolean;
}

export interface CardUptakeGroup extends CardUptakeFigures {
  /** One per target, in the order of `targets`. */
  gaps: CardUptakeGap[];
}

export interface CardUptakeRates {
  applicationRatePercent: number;
  issuanceRatePercent: number;
}

export interface CardUptakeBenchmark extends CardUptakeRates {
  asOf: string;
}

export interface CardUptakeTarget {
  id: number;
  name: string;
  metric: TargetMetric;
  percent: number;
  dueOn: string;
  /** The overall rate of the target's metric, and the people still missing overall. */
  currentPercent: number | null;
  people: number;
  reached: boolean;
}

export interface CardUptakeMonth {
  /** YYYY-MM */
  month: string;
  /** The latest snapshot of the month (null: none that month); its figures in `city`. */
  asOf: string | null;
  city: CardUptakeFigures | null;
  national: CardUptakeRates | null;
  prefecture: CardUptakeRates | null;
}

/** GET /api/stats/card-uptake */
export interface CardUptakeStats {
  /** The date asked for (default: today, JST). */
  asOf: string;
  /** The snapshot the figures are of: the latest on or before asOf (null: none yet). */
  figuresAsOf: string | null;
  overall: CardUptakeGroup;
  byDistrict: (CardUptakeGroup & { district: string })[];
  byAgeBand: (CardUptakeGroup & { ageBand: AgeBand })[];
  /** MIC's latest published rates on or before asOf. */
  national: CardUptakeBenchmark | null;
  prefecture: CardUptakeBenchmark | null;
  /** Every target, by due date. */
  targets: CardUptakeTarget[];
  /** By month, from the first month with a figure or a published rate to asOf's. */
  series: CardUptakeMonth[];
}
