import { Box, LinearProgress } from '@mui/material';
import { lazy, Suspense } from 'react';
import { preloadCharts } from './lazyCharts';

// The dashboard's code (and recharts, in its own chunk) loads when the dashboard is
// opened, both at once: the first load of the admin stays small, and counter staff,
// who land on the quick-entry screen, do not wait for it.
const DashboardPage = lazy(() => {
  preloadCharts();
  return import('./DashboardPage');
});

export function Dashboard() {
  return (
    <Suspense
      fallback={
        <Box data-dashboard-ready="false" data-testid="dashboard" sx={{ mt: 2 }}>
          <LinearProgress />
        </Box>
      }
    >
      <DashboardPage />
    </Suspense>
  );
}
