import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import applications from './applications';
import assistanceRecords from './assistance-records';
import auditLogs from './audit-logs';
import campaigns from './campaigns';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import fraudAlerts from './fraud-alerts';
import { NoticePrintPage } from './fraud-alerts/NoticePrintPage';
import { i18nProvider } from './i18n';
import imports from './imports';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import participants from './participants';
import paymentServices from './payment-services';
import reservationQuotas from './reservation-quotas';
import reservations from './reservations';
import { ReportsPage } from './reports/ReportsPage';
import pointAwards from './point-awards';
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
      loginPage={LoginPage}
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
      <Resource name="assistance-records" {...assistanceRecords} />
      <Resource name="point-awards" {...pointAwards} />
      <Resource name="imports" {...imports} />
      <Resource name="users" {...users} />
      <Resource name="audit-logs" {...auditLogs} />
      <Resource name="fraud-alerts" {...fraudAlerts} />
      <CustomRoutes>
        <Route path="/reports" element={<ReportsPage />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path="/notices/:id/print" element={<NoticePrintPage />} />
      </CustomRoutes>
    </Admin>
  );
}
