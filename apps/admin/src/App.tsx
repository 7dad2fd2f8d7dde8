import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Suspense } from 'react';
import { Route, RouterProvider, createHashRouter } from 'react-router-dom';
import applications from './applications';
import appointmentSlots from './appointment-slots';
import appointments from './appointments';
import assistanceRecords from './assistance-records';
import auditLogs from './audit-logs';
import campaigns from './campaigns';
import measures from './measures';
import { authProvider } from './authProvider';
import { lazyNamed } from './common/lazyNamed';
import { PageLoading } from './common/PageLoading';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import desks from './desks';
import { TODAY_BOARD_PATH } from './desks/board';
import fraudAlerts from './fraud-alerts';
import { i18nProvider } from './i18n';
import imports from './imports';
import municipalities from './municipalities';
import { MUNICIPALITY_SETTINGS_PATH } from './municipalities/MunicipalitySettingsMenuItem';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import participants from './participants';
import paymentServices from './payment-services';
import reservationQuotas from './reservation-quotas';
import reservations from './reservations';
import pointAwards from './point-awards';
import populationFigures from './population-figures';
import benchmarkRates from './benchmark-rates';
import targets from './targets';
import terminals from './terminals';
import { theme } from './theme';
import users from './users';
import wrongPersonIncidents from './wrong-person-incidents';

// Custom routes load like the resources' pages (see lazyNamed).
const AccessibilityPage = lazyNamed(() => import('./accessibility/AccessibilityPage'), 'AccessibilityPage');
const MunicipalitySettings = lazyNamed(() => import('./municipalities/MunicipalitySettings'), 'MunicipalitySettings');
const NoticePrintPage = lazyNamed(() => import('./fraud-alerts/NoticePrintPage'), 'NoticePrintPage');
const ReportsPage = lazyNamed(() => import('./reports/ReportsPage'), 'ReportsPage');
const SecurityPage = lazyNamed(() => import('./security/SecurityPage'), 'SecurityPage');
const TodayBoard = lazyNamed(() => import('./desks/TodayBoard'), 'TodayBoard');

function AdminApp() {
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
      <Resource name="measures" {...measures} />
      <Resource name="payment-services" {...paymentServices} />
      <Resource name="assistance-records" {...assistanceRecords} />
      <Resource name="appointments" {...appointments} />
      <Resource name="appointment-slots" {...appointmentSlots} />
      <Resource name="desks" {...desks} />
      <Resource name="terminals" {...terminals} />
      <Resource name="wrong-person-incidents" {...wrongPersonIncidents} />
      <Resource name="point-awards" {...pointAwards} />
      <Resource name="population-figures" {...populationFigures} />
      <Resource name="targets" {...targets} />
      <Resource name="benchmark-rates" {...benchmarkRates} />
      <Resource name="imports" {...imports} />
      <Resource name="users" {...users} />
      <Resource name="municipalities" {...municipalities} />
      <Resource name="audit-logs" {...auditLogs} />
      <Resource name="fraud-alerts" {...fraudAlerts} />
      <CustomRoutes>
        <Route path="/reports" element={<ReportsPage />} />
        <Route path={TODAY_BOARD_PATH} element={<TodayBoard />} />
        <Route path={MUNICIPALITY_SETTINGS_PATH} element={<MunicipalitySettings />} />
        <Route path="/security" element={<SecurityPage />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        {/* Outside the layout: it opens signed out too, from the login page. */}
        <Route path="/accessibility" element={<Suspense fallback={<PageLoading />}><AccessibilityPage /></Suspense>} />
        <Route path="/notices/:id/print" element={<Suspense fallback={<PageLoading />}><NoticePrintPage /></Suspense>} />
      </CustomRoutes>
    </Admin>
  );
}

// react-admin's own router hands every route change to React.startTransition (the
// react-router 7 default). Signed out, its logout navigates to /login and then resets
// its queries at once; the old screen, still shown while the transition waits,
// re-checked the session, logged out and navigated again — about 2,000 times over
// 12–15 s before /login appeared. Plain (non-transition) updates switch the screen
// before the reset lands. Created once, outside React, as react-router asks.
const router = createHashRouter([{ path: '*', element: <AdminApp /> }]);

export function App() {
  return <RouterProvider router={router} useTransitions={false} />;
}
