import { Admin, Resource } from 'react-admin';
import auditLogs from './audit-logs';
import { authProvider } from './authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import imports from './imports';
import { Layout } from './layout/Layout';
import paymentServices from './payment-services';
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
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="payment-services" {...paymentServices} />
      <Resource name="point-awards" {...pointAwards} />
      <Resource name="imports" {...imports} />
      <Resource name="users" {...users} />
      <Resource name="audit-logs" {...auditLogs} />
    </Admin>
  );
}
