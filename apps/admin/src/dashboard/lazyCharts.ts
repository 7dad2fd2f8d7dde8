import { lazyNamed } from '../common/lazyNamed';

// recharts (and the charts drawn with it) load after the page shell: one chunk
// fetched once, in parallel with the stats requests.
const charts = () => import('./charts/Charts');
const cardCharts = () => import('./charts/CardUptakeCharts');

export const CumulativeChart = lazyNamed(charts, 'CumulativeChart');
export const GroupedBarChart = lazyNamed(charts, 'GroupedBarChart');
export const PeriodBarChart = lazyNamed(charts, 'PeriodBarChart');
export const DistributionChart = lazyNamed(charts, 'DistributionChart');
export const StackedPeriodChart = lazyNamed(charts, 'StackedPeriodChart');
export const ComparisonChart = lazyNamed(charts, 'ComparisonChart');
export const RateLineChart = lazyNamed(cardCharts, 'RateLineChart');
export const RateBarChart = lazyNamed(cardCharts, 'RateBarChart');

/** Starts loading the charts before any panel needs them (called with the first request). */
export function preloadCharts(): void {
  void charts();
  void cardCharts();
}
