import { Box, LinearProgress } from '@mui/material';
import { lazy, Suspense, useEffect } from 'react';
import { Title, useTranslate } from 'react-admin';
import { readSession } from '../session';
import { preloadCharts } from './lazyCharts';
import { useDashboardData } from './useDashboardData';

// The dashboard's code loads when the dashboard is opened (and recharts, in its own
// chunk, once the requests are sent): the first load of the admin stays
// small, and counter staff, who land on the quick-entry screen, do not wait for it.
// The data is asked for here, at once, while that code is still on its way.
const loadPage = () => import('./DashboardPage');
const DashboardPage = lazy(loadPage);
// Opened at the dashboard (every role's landing page): its code is fetched while the
// shell is still starting, not once the shell has drawn this component. Signed out,
// `/` leads to the login form: nothing to fetch.
if (readSession() && /^#?\/?$/.test(window.location.hash)) void loadPage();

export function Dashboard() {
  const translate = useTranslate();
  const data = useDashboardData();
  // After the data hooks' effects: the requests leave first, then recharts is fetched
  // (not at all for counter staff, whose panels are drawn in HTML).
  const needsCharts = Boolean(data.mayShow?.['stats/card-uptake'] || data.mayShow?.['stats/uptake'] || data.mayShow?.['stats/points'] || data.mayShow?.['stats/fraud']);
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
