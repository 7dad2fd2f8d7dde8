import { Box, LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useTranslate } from 'react-admin';

// The dashboard's code loads when the dashboard is opened (and recharts, in its own
// chunk, once the page has sent its requests): the first load of the admin stays
// small, and counter staff, who land on the quick-entry screen, do not wait for it.
const DashboardPage = lazy(() => import('./DashboardPage'));

export function Dashboard() {
  const translate = useTranslate();
  return (
    <Suspense
      fallback={
        <Box data-dashboard-ready="false" data-testid="dashboard" sx={{ mt: 2 }}>
          <Title title={translate('resources.dashboard.title')} />
          <LinearProgress />
        </Box>
      }
    >
      <DashboardPage />
    </Suspense>
  );
}
