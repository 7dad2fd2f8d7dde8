import type { Labels, Lang } from '../enum';
import type { Resource } from '../permissions';
import { APPLICATIONS_LABELS } from './applications.labels';
import { ASSISTANCE_RECORDS_LABELS } from './assistance-records.labels';
import { AUDIT_LOGS_LABELS } from './audit-logs.labels';
import { FRAUD_ALERTS_LABELS } from './fraud-alerts.labels';
import { CAMPAIGNS_LABELS } from './campaigns.labels';
import { MEASURES_LABELS } from './measures.labels';
import { PARTICIPANTS_LABELS } from './participants.labels';
import { PAYMENT_SERVICES_LABELS } from './payment-services.labels';
import { RESERVATION_QUOTAS_LABELS } from './reservation-quotas.labels';
import { RESERVATIONS_LABELS } from './reservations.labels';
import { IMPORTS_LABELS } from './imports.labels';
import { MUNICIPALITIES_LABELS } from './municipalities.labels';
import { POINT_AWARDS_LABELS } from './point-awards.labels';
import { POPULATION_FIGURES_LABELS } from './population-figures.labels';
import { BENCHMARK_RATES_LABELS } from './benchmark-rates.labels';
import { TARGETS_LABELS } from './targets.labels';
import type { ResourceLabels } from './resource-labels';
import { USERS_LABELS } from './users.labels';

export * from './resource-labels';

// One line per resource.
export const RESOURCE_LABELS: Partial<Record<Resource, ResourceLabels>> = {
  municipalities: MUNICIPALITIES_LABELS,
  users: USERS_LABELS,
  'payment-services': PAYMENT_SERVICES_LABELS,
  'audit-logs': AUDIT_LOGS_LABELS,
  'fraud-alerts': FRAUD_ALERTS_LABELS,
  campaigns: CAMPAIGNS_LABELS,
  measures: MEASURES_LABELS,
  'reservation-quotas': RESERVATION_QUOTAS_LABELS,
  reservations: RESERVATIONS_LABELS,
  applications: APPLICATIONS_LABELS,
  participants: PARTICIPANTS_LABELS,
  'assistance-records': ASSISTANCE_RECORDS_LABELS,
  imports: IMPORTS_LABELS,
  'point-awards': POINT_AWARDS_LABELS,
  'population-figures': POPULATION_FIGURES_LABELS,
  'benchmark-rates': BENCHMARK_RATES_LABELS,
  targets: TARGETS_LABELS,
};

export function fieldLabel(resource: Resource, field: string): ResourceLabels['fields'][string] | undefined {
  return RESOURCE_LABELS[resource]?.fields[field];
}

// Names for what an audit row's `resource` may hold besides the list resources, which
// are named by their own labels (`many`). `auth` is sign-in and sign-out.
const OTHER_AUDIT_RESOURCES: Readonly<Record<string, Labels>> = {
  auth: { ja: '認証（サインイン）', en: 'Authentication (sign-in)' },
  exports: { ja: 'エクスポート', en: 'Exports' },
  reports: { ja: '月次報告', en: 'Monthly reports' },
  'stats/summary': { ja: '集計（概要）', en: 'Statistics (summary)' },
  'stats/uptake': { ja: '集計（予約・申し込み）', en: 'Statistics (uptake)' },
  'stats/points': { ja: '集計（ポイント）', en: 'Statistics (points)' },
  'stats/counter': { ja: '集計（窓口）', en: 'Statistics (counter)' },
  'stats/fraud': { ja: '集計（詐欺）', en: 'Statistics (fraud)' },
  'stats/municipalities': { ja: '集計（市町村比較）', en: 'Statistics (municipalities compared)' },
  'stats/card-uptake': { ja: '集計（カード普及）', en: 'Statistics (card uptake)' },
  'stats/measures': { ja: '集計（施策別）', en: 'Statistics (by measure)' },
};

/** What the 対象 column shows for an audit row's resource; an unknown code shows as itself. */
export function auditResourceLabel(resource: string, lang: Lang = 'ja'): string {
  const own = (RESOURCE_LABELS as Partial<Record<string, ResourceLabels>>)[resource]?.many ?? OTHER_AUDIT_RESOURCES[resource];
  return own ? own[lang] : resource;
}

/** Every resource code an audit row may name, with its label (for the filter's choices). */
export function auditResourceCodes(): string[] {
  return [...Object.keys(RESOURCE_LABELS), ...Object.keys(OTHER_AUDIT_RESOURCES)];
}
