import type { MeasureStatsService } from '../stats/measure-stats.service';
import type { AssistanceOutcome, CardUptakeStats, Channel, FraudChannel, PaymentServiceKind, PointAwardKind, UnableReason } from '@mynapoint/domain';

// Everything the monthly report shows, gathered once and rendered as PDF or Excel.
export interface MonthlyReport {
  month: string; // YYYY-MM (JST)
  cityName: string;
  generatedAt: string; // ISO instant
  campaign: { id: number; name: string; awardRatePercent: number; capPerPersonYen: number } | null;
  uptake: {
    reservationsInMonth: number;
    reservationsToDate: number;
    applicationsInMonth: number;
    applicationsToDate: number;
    quotaCapacity: number;
    quotaUsed: number;
    byChannel: { channel: Channel; reservations: number; applications: number }[];
    daily: { date: string; reservations: number; applications: number }[];
  };
  applicationsByService: { name: string; kind: PaymentServiceKind; inMonth: number; toDate: number }[];
  points: {
    awardsInMonth: number;
    pointsInMonth: number;
    amountInMonth: number;
    participantsWithPointsToDate: number;
    participantsAtCapToDate: number;
    pointsToDate: number;
    byService: { name: string; awards: number; points: number }[];
    byKind: { kind: PointAwardKind; awards: number; points: number }[];
  };
  counter: {
    visits: number;
    minutes: number;
    byOutcome: { outcome: AssistanceOutcome; visits: number }[];
    unableReasons: { reason: UnableReason; visits: number }[];
    byOffice: { office: string; visits: number }[];
  };
  fraud: {
    reports: number;
    damageYen: number;
    stillOpen: number;
    byChannel: { channel: FraudChannel; reports: number }[];
    notices: { title: string; publishedAt: string }[];
  };
  /** My Number card uptake as of the month's last day (GET /api/stats/card-uptake's figures). */
  cardUptake: CardUptakeStats;
  /** Uptake, points and budget by measure, to date (GET /api/stats/measures's figures). */
  measures: Awaited<ReturnType<MeasureStatsService['measures']>>['measures'];
}
