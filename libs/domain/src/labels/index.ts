import type { Resource } from '../permissions';
import { AUDIT_LOGS_LABELS } from './audit-logs.labels';
import { IMPORTS_LABELS } from './imports.labels';
import { PAYMENT_SERVICES_LABELS } from './payment-services.labels';
import { POINT_AWARDS_LABELS } from './point-awards.labels';
import type { ResourceLabels } from './resource-labels';
import { USERS_LABELS } from './users.labels';

export * from './resource-labels';

// One line per resource.
export const RESOURCE_LABELS: Partial<Record<Resource, ResourceLabels>> = {
  users: USERS_LABELS,
  'payment-services': PAYMENT_SERVICES_LABELS,
  'audit-logs': AUDIT_LOGS_LABELS,
  imports: IMPORTS_LABELS,
  'point-awards': POINT_AWARDS_LABELS,
};

export function fieldLabel(resource: Resource, field: string): ResourceLabels['fields'][string] | undefined {
  return RESOURCE_LABELS[resource]?.fields[field];
}
