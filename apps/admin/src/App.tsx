import { Admin, Resource } from 'react-admin';
import assistanceRecords from './assistance-records';
import auditLogs from './audit-logs';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import paymentServices from './payment-services';
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
      <Resource name="payment-services" {...paymentServices} />
      <Resource name="assistance-records" {...assistanceRecords} />
      <Resource name="users" {...users} />
      <Resource name="audit-logs" {...auditLogs} />
    </Admin>
  );
}
