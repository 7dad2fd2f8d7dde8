import accessibility from '../accessibility/i18n';
import appointmentSlots from '../appointment-slots/i18n';
import appointments from '../appointments/i18n';
import applications from '../applications/i18n';
import assistanceRecords from '../assistance-records/i18n';
import auditLogs from '../audit-logs/i18n';
import fraudAlerts from '../fraud-alerts/i18n';
import campaigns from '../campaigns/i18n';
import measures from '../measures/i18n';
import dashboard from '../dashboard/i18n';
import desks from '../desks/i18n';
import participants from '../participants/i18n';
import paymentServices from '../payment-services/i18n';
import reservationQuotas from '../reservation-quotas/i18n';
import reservations from '../reservations/i18n';
import reports from '../reports/i18n';
import imports from '../imports/i18n';
import municipalities from '../municipalities/i18n';
import pointAwards from '../point-awards/i18n';
import populationFigures from '../population-figures/i18n';
import benchmarkRates from '../benchmark-rates/i18n';
import targets from '../targets/i18n';
import terminals from '../terminals/i18n';
import users from '../users/i18n';
import security from '../security/i18n';
import wrongPersonIncidents from '../wrong-person-incidents/i18n';

// Extra texts per resource (titles, helper texts); field names come from the domain.
export const resourceMessages: Record<string, { ja: Record<string, unknown>; en: Record<string, unknown> }> = {
  'payment-services': paymentServices,
  users,
  municipalities,
  'audit-logs': auditLogs,
  'fraud-alerts': fraudAlerts,
  campaigns,
  measures,
  'reservation-quotas': reservationQuotas,
  reservations,
  applications,
  participants,
  'assistance-records': assistanceRecords,
  desks,
  'appointment-slots': appointmentSlots,
  appointments,
  terminals,
  'wrong-person-incidents': wrongPersonIncidents,
  reports,
  imports,
  'point-awards': pointAwards,
  'population-figures': populationFigures,
  'benchmark-rates': benchmarkRates,
  targets,
  dashboard,
  security,
  accessibility,
};
