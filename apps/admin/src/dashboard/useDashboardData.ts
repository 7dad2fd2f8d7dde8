import { useEffect, useMemo } from 'react';
import { useCanAccessResources, useGetList, useStore } from 'react-admin';
import { toJstDate, type CardUptakeStats, type CounterStats, type DeskStats, type FraudStats, type MunicipalityStats, type PointsStats, type SummaryStats, type UptakeStats } from '@mynapoint/domain';
import { LINK_RESOURCE } from './links';
import { periodProblem, resolvePeriod, samePeriod, statsQuery, type Campaign, type DashboardPeriod, type DashboardSettings } from './period';
import { cardAsOf } from './toCardUptake';
import type { MeasureStats } from './MeasuresPanel';
import { useStat, type QueryState } from './useStat';

// The dashboard's data, asked for by the page shell (in the first bundle) while the
// page's own code and recharts are still loading: the requests do not wait for them.

export const STATS = ['stats/card-uptake', 'stats/summary', 'stats/uptake', 'stats/points', 'stats/counter', 'stats/desks', 'stats/fraud', 'stats/municipalities', 'stats/measures'] as const;
export type StatResource = (typeof STATS)[number];
const LISTS = [...new Set([...Object.values(LINK_RESOURCE), 'fraud-alerts', 'campaigns'])];

const NO_QUERY = {};
const DEFAULTS: DashboardSettings = { preset: 'campaign', from: null, to: null, interval: null, campaignId: null };

export interface DashboardData {
  /** A prefecture user's dashboard: its municipalities compared, the figures for all or one of them. */
  prefecture: boolean;
  /** The prefecture's chosen municipality (null: all of them, summed). */
  municipalityCode: string | null;
  setMunicipalityCode: (code: string | null) => void;
  /** GET /api/stats/municipalities (prefecture only). */
  comparison: QueryState<MunicipalityStats>;
  /** Which stats the role may read, and which lists it may open (undefined while asking). */
  mayShow: Record<string, boolean> | undefined;
  mayList: Record<string, boolean> | undefined;
  settings: DashboardSettings;
  setSettings: (s: DashboardSettings) => void;
  campaigns: Campaign[];
  period: DashboardPeriod;
  /** An i18n key saying why the period cannot be asked for, or null. */
  problem: string | null;
  summary: QueryState<SummaryStats>;
  uptake: QueryState<UptakeStats>;
  points: QueryState<PointsStats>;
  counter: QueryState<CounterStats>;
  /** The support desks: booked vs capacity, no-shows, walk-ins, waiting (issue #21). */
  desks: QueryState<DeskStats>;
  fraud: QueryState<FraudStats>;
  /** GET /api/stats/measures: every measure's uptake, points and budget (no period: budgets are standing totals). */
  measures: QueryState<MeasureStats>;
  /** Card uptake as of the month chosen on its panel (null: today), whatever the period above. */
  cardMonth: string | null;
  setCardMonth: (month: string | null) => void;
  cardUptake: QueryState<CardUptakeStats>;
}

export function useDashboardData(prefecture = false): DashboardData {
  const today = toJstDate(new Date());
  const { canAccess: mayShow } = useCanAccessResources({ action: 'show', resources: [...STATS] });
  const { canAccess: mayList } = useCanAccessResources({ action: 'list', resources: LISTS });
  const [settings, setSettings] = useStore<DashboardSettings>('dashboard.settings', DEFAULTS);
  const campaigns = useGetList<Campaign & { id: number }>(
    'campaigns',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'reservationOpensOn', order: 'DESC' } },
    { enabled: Boolean(mayList?.campaigns) },
  );
  // Counter staff read nothing by campaign, and a prefecture user reads no campaigns list:
  // a campaign chosen in this browser by someone else does not apply.
  const usesCampaign = !prefecture && Boolean(mayShow?.['stats/summary'] || mayShow?.['stats/uptake'] || mayShow?.['stats/points']);
  const choices = useMemo(() => (usesCampaign ? settings : { ...settings, campaignId: null }), [settings, usesCampaign]);
  const key = JSON.stringify([choices, today, prefecture]);
  const fallback = useMemo(() => resolvePeriod(choices, today, []), [choices, today]);

  // The prefecture's comparison of its municipalities. "Since the campaign began" asks it
  // without `from`: the API starts at the first campaign of those municipalities, and the
  // answer's `from` is the period's first day for every other panel.
  const [storedCode, setMunicipalityCode] = useStore<string | null>('dashboard.municipality', null);
  const spanFromComparison = prefecture && choices.preset === 'campaign';
  const compare = prefecture && Boolean(mayShow?.['stats/municipalities']) && !periodProblem(fallback);
  const comparisonQuery = useMemo(() => (spanFromComparison ? { to: today } : { from: fallback.from, to: fallback.to }), [spanFromComparison, today, fallback]);
  const comparison = useStat<MunicipalityStats>('municipalities', comparisonQuery, compare);
  // A remembered municipality that is not one of this user's (another account in this browser) means all of them.
  const storedIsTheirs = comparison.data?.municipalities.some((m) => m.code === storedCode);
  useEffect(() => {
    if (prefecture && storedCode && comparison.data && !storedIsTheirs) setMunicipalityCode(null);
  }, [prefecture, storedCode, comparison.data, storedIsTheirs, setMunicipalityCode]);
  const municipalityCode = prefecture ? storedCode : null;

  const campaignsSettled =
    Boolean(mayList && mayShow) &&
    (spanFromComparison ? !compare || comparison.data !== undefined || comparison.error !== null : !mayList?.campaigns || !campaigns.isPending);

  // "Since the campaign began" needs the campaigns' dates. Until they are in, the
  // period these same choices gave today last time is asked for at once (a reload
  // does not wait for the campaigns list); it is kept while the campaigns agree.
  const [remembered, setRemembered] = useStore<{ key: string; period: DashboardPeriod } | null>('dashboard.resolved', null);
  const known = remembered?.key === key ? remembered.period : null;
  const startFrom = spanFromComparison ? comparison.data?.from : undefined;
  const resolved = useMemo(() => {
    if (!campaignsSettled) return null;
    const span = spanFromComparison ? (startFrom ? { start: startFrom, end: today } : null) : undefined;
    const p = resolvePeriod(choices, today, campaigns.data ?? [], span);
    return known && samePeriod(known, p) ? known : p;
  }, [campaignsSettled, choices, today, campaigns.data, known, spanFromComparison, startFrom]);
  useEffect(() => {
    if (resolved && resolved !== known) setRemembered({ key, period: resolved });
  }, [resolved, known, key, setRemembered]);
  const period = resolved ?? known ?? fallback;
  const problem = periodProblem(period);
  const ask = (resolved !== null || known !== null) && !problem;
  const query = useMemo(() => ({ ...statsQuery(period), municipalityCode: municipalityCode ?? undefined }), [period, municipalityCode]);
  // Counter visits and fraud reports belong to no campaign.
  const noCampaign = { ...query, campaignId: undefined };
  const may = (s: StatResource) => ask && Boolean(mayShow?.[s]);
  const [cardMonth, setCardMonth] = useStore<string | null>('dashboard.cardMonth', null);
  return {
    prefecture,
    municipalityCode,
    setMunicipalityCode,
    comparison,
    mayShow,
    mayList,
    settings,
    setSettings,
    campaigns: campaigns.data ?? [],
    period,
    problem,
    summary: useStat<SummaryStats>('summary', query, may('stats/summary')),
    uptake: useStat<UptakeStats>('uptake', query, may('stats/uptake')),
    points: useStat<PointsStats>('points', query, may('stats/points')),
    counter: useStat<CounterStats>('counter', noCampaign, may('stats/counter')),
    desks: useStat<DeskStats>('desks', noCampaign, may('stats/desks')),
    fraud: useStat<FraudStats>('fraud', noCampaign, may('stats/fraud')),
    measures: useStat<MeasureStats>('measures', NO_QUERY, Boolean(mayShow?.['stats/measures']) && !prefecture),
    cardMonth,
    setCardMonth,
    // Needs no period nor campaign: asked for as soon as the role is known.
    cardUptake: useStat<CardUptakeStats>('card-uptake', { asOf: cardAsOf(cardMonth, today) }, Boolean(mayShow?.['stats/card-uptake'])),
  };
}
