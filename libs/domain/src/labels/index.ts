import type { Resource } from '../permissions';
import { APPLICATIONS_LABELS } from './applications.labels';
import { ASSISTANCE_RECORDS_LABELS } from './assistance-records.labels';
import { AUDIT_LOGS_LABELS } from './audit-logs.labels';
import { FRAUD_ALERTS_LABELS } from './fraud-alerts.labels';
import { CAMPAIGNS_LABELS } from './campaigns.labels';
import { PARTICIPANTS_LABELS } from './participants.labels';
import { PAYMENT_SERVICES_LABELS } from './payment-services.labels';
import { RESERVATION_QUOTAS_LABELS } from './reservation-quotas.labels';
import { RESERVATIONS_LABELS } from './reservations.labels';
import { IMPORTS_LABELS } from './imports.labels';
import { POINT_AWARDS_LABELS } from './point-awards.labels';
import type { ResourceLabels } from './resource-labels';
import { USERS_LABELS } from './users.labels';

export * from './resource-labels';

// One line per resource.
export const RESOURCE_LABELS: Partial<Record<Resource, ResourceLabels>> = {
  users: USERS_LABELS,
  'payment-services': PAYMENT_SERVICES_LABELS,
  'audit-logs': AUDIT_LOGS_LABELS,
  'fraud-alerts': FRAUD_ALERTS_LABELS,
  campaigns: CAMPAIGNS_LABELS,
  'reservation-quotas': RESERVATION_QUOTAS_LABELS,
  reservations: RESERVATIONS_LABELS,
  applications: APPLICATIONS_LABELS,
  participants: PARTICIPANTS_LABELS,
  'assistance-records': ASSISTANCE_RECORDS_LABELS,
  imports: IMPORTS_LABELS,
  'point-awards': POINT_AWARDS_LABELS,
};

export function fieldLabel(resource: Resource, field: string): ResourceLabels['fields'][string] | undefined {
  return RESOURCE_LABELS[resource]?.fields[field];
}
