import { Box, LinearProgress } from '@mui/material';
import { lazy, Suspense, useEffect } from 'react';
import { Title, useTranslate } from 'react-admin';
import { readSession } from '../session';
import { preloadCharts } from './lazyCharts';
import { OperatorHome } from './OperatorHome';
import { useDashboardData } from './useDashboardData';

// The dashboard's code loads when the dashboard is opened (and recharts, in its own
// chunk, once the requests are sent): the first load of the admin stays
// small, and counter staff, who land on the quick-entry screen, do not wait for it.
// The data is asked for here, at once, while that code is still on its way.
const loadPage = () => import('./DashboardPage');
const DashboardPage = lazy(loadPage);
// Opened at the dashboard (every role's landing page): its code is fetched while the
// shell is still starting, not once the shell has drawn this component. Signed out,
// `/` leads to the login form: nothing to fetch; the operator has a home page of its own.
const session = readSession();
if (session && session.user.role !== 'operator' && /^#?\/?$/.test(window.location.hash)) void loadPage();

/**
 * The landing page. The operator reads no resident data: it gets its own home page
 * (municipalities and links), never the stats. A prefecture user gets the dashboard
 * with its municipalities compared.
 */
export function Dashboard() {
  const role = readSession()?.user.role;
  if (role === 'operator') return <OperatorHome />;
  return <StatsDashboard prefecture={role === 'prefecture'} />;
}

function StatsDashboard({ prefecture }: { prefecture: boolean }) {
  const translate = useTranslate();
  const data = useDashboardData(prefecture);
  // After the data hooks' effects: the requests leave first, then recharts is fetched
  // (not at all for counter staff, whose panels are drawn in HTML).
  const needsCharts = Boolean(data.mayShow?.['stats/card-uptake'] || data.mayShow?.['stats/uptake'] || data.mayShow?.['stats/points'] || data.mayShow?.['stats/fraud'] || prefecture);
  useEffect(() => {
    if (needsCharts) preloadCharts();
  }, [needsCharts]);
  return (
    <Suspense
      fallback={
        <Box data-dashboard-ready="false" data-testid="dashboard" sx={{ mt: 2 }}>
          <Title title={translate('resources.dashboard.title')} />
          <LinearProgress />
        </Box>
      }
    >
      <DashboardPage data={data} />
    </Suspense>
  );
}
