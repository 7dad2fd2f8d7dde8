import { lazy } from 'react';

// recharts (and the charts drawn with it) load after the page shell: one chunk
// fetched once, in parallel with the stats requests.
const charts = () => import('./charts/Charts');
const cardCharts = () => import('./charts/CardUptakeCharts');

export const CumulativeChart = lazy(() => charts().then((m) => ({ default: m.CumulativeChart })));
export const GroupedBarChart = lazy(() => charts().then((m) => ({ default: m.GroupedBarChart })));
export const PeriodBarChart = lazy(() => charts().then((m) => ({ default: m.PeriodBarChart })));
export const DistributionChart = lazy(() => charts().then((m) => ({ default: m.DistributionChart })));
export const StackedPeriodChart = lazy(() => charts().then((m) => ({ default: m.StackedPeriodChart })));
export const ComparisonChart = lazy(() => charts().then((m) => ({ default: m.ComparisonChart })));
export const RateLineChart = lazy(() => cardCharts().then((m) => ({ default: m.RateLineChart })));
export const RateBarChart = lazy(() => cardCharts().then((m) => ({ default: m.RateBarChart })));

/** Starts loading the charts before any panel needs them (called with the first request). */
export function preloadCharts(): void {
  void charts();
  void cardCharts();
}
