import { Admin, Resource } from 'react-admin';
import applications from './applications';
import auditLogs from './audit-logs';
import campaigns from './campaigns';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import participants from './participants';
import paymentServices from './payment-services';
import reservationQuotas from './reservation-quotas';
import reservations from './reservations';
import { theme } from './theme';
import users from './users';

export function App() {
  return (
    <Admin
      title="マイナポイント 庁内管理システム"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="reservations" {...reservations} />
      <Resource name="applications" {...applications} />
      <Resource name="participants" {...participants} />
      <Resource name="reservation-quotas" {...reservationQuotas} />
      <Resource name="campaigns" {...campaigns} />
      <Resource name="payment-services" {...paymentServices} />
      <Resource name="users" {...users} />
      <Resource name="audit-logs" {...auditLogs} />
    </Admin>
  );
}
