import auditLogs from '../audit-logs/i18n';
import imports from '../imports/i18n';
import paymentServices from '../payment-services/i18n';
import pointAwards from '../point-awards/i18n';
import users from '../users/i18n';

// Extra texts per resource (titles, helper texts); field names come from the domain.
export const resourceMessages: Record<string, { ja: Record<string, unknown>; en: Record<string, unknown> }> = {
  'payment-services': paymentServices,
  users,
  'audit-logs': auditLogs,
  imports,
  'point-awards': pointAwards,
};
