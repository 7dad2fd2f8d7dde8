import { Alert, Box, Typography } from '@mui/material';
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { Title, useTranslate } from 'react-admin';
import { toJstDate, type SummaryStats } from '@mynapoint/domain';
import { PublishedNotices } from '../fraud-alerts/PublishedNotices';
import { ComparisonPanel } from './ComparisonPanel';
import { CardUptakePanel } from './CardUptakePanel';
import { CounterPanels } from './CounterPanels';
import { DesksPanels } from './DesksPanel';
import { Controls } from './Controls';
import { FraudPanel } from './FraudPanel';
import { KpiGrid, KpiSkeleton, summaryKpis } from './KpiCards';
import { MeasuresPanel } from './MeasuresPanel';
import { ReadyContext, useReportState } from './Panel';
import type { DashboardPeriod, DashboardSettings } from './period';
import { PointsPanels } from './PointsPanels';
import { dashboardReadiness, type PanelState } from './readiness';
import { DemographicPanels, ServicePanels, UptakePanels } from './UptakePanels';
import { STATS, type DashboardData, type StatResource } from './useDashboardData';
import { useDashboardLinks, type DashboardLinks } from './useLinks';
import type { QueryState } from './useStat';

// The panels each stats endpoint feeds: a role sees those of the endpoints it may read.
const PANELS: Record<StatResource, string[]> = {
  'stats/card-uptake': ['card-uptake'],
  'stats/summary': ['kpi'],
  'stats/uptake': ['uptake', 'funnel', 'channel', 'services', 'kinds', 'age', 'district'],
  'stats/points': ['points-series', 'points-service', 'points-distribution'],
  'stats/counter': ['counter', 'counter-outcomes', 'counter-reasons'],
  'stats/desks': ['desks', 'desks-days'],
  'stats/fraud': ['fraud'],
  'stats/measures': ['measures'],
  // Shown to a prefecture user only (a municipality's staff would compare their one row).
  'stats/municipalities': [],
};

const KpiPanel = memo(function KpiPanel({ query, period, links }: { query: QueryState<SummaryStats>; period: DashboardPeriod; links: DashboardLinks }) {
  const translate = useTranslate();
  const state: PanelState = query.error ? 'error' : query.data ? 'ready' : 'loading';
  useReportState('kpi', state);
  if (!query.data || query.error) {
    return (
      <Box data-panel="kpi" data-state={state}>
        {query.error ? <Alert severity="error">{translate('resources.dashboard.state.error')} {query.error.message}</Alert> : <KpiSkeleton />}
      </Box>
    );
  }
  const scope = { from: period.from, to: period.to, campaignId: period.campaignId };
  const today = toJstDate(new Date());
  const kpis = summaryKpis(query.data, translate, {
    reservations: links.path('reservations', scope),
    applications: links.path('applications', scope),
    awarded: links.path('participants', scope, { pointsTotal_gt: 0 }),
    points: links.path('pointAwards', scope),
    capReached: links.path('participants', scope, { capReached: true }),
    quotas: links.path('quotas', scope),
    assisted: links.path('assistance', { from: `${today.slice(0, 7)}-01`, to: today, campaignId: null }),
    fraud: links.path('fraud', { campaignId: null }, { status: ['new', 'investigating'] }),
  });
  return (
    <Box data-panel="kpi" data-state={state}>
      <KpiGrid kpis={kpis} />
    </Box>
  );
});

/**
 * The landing page of every role but the operator: figures and charts of the stats
 * endpoints the role may read, for a period and campaign, each linking to the filtered
 * list behind it. Counter staff see their own counter panel and the published notices;
 * a prefecture user its municipalities compared, then the same figures for all of them
 * summed or for the one it picks (no links: it may open no list).
 */
export default function DashboardPage({ data }: { data: DashboardData }) {
  const translate = useTranslate();
  const { mayShow, mayList, settings, setSettings, campaigns, period, problem, summary, uptake, points, counter, desks, fraud, measures, cardUptake, cardMonth, setCardMonth } = data;
  const { prefecture, comparison, municipalityCode, setMunicipalityCode } = data;
  const links = useDashboardLinks(mayList);
  // Readiness: every visible panel has reported its chart or empty state drawn.
  const visible = useMemo(() => {
    if (!mayShow || !mayList) return null;
    const ids = STATS.filter((s) => mayShow[s]).flatMap((s) => PANELS[s]);
    if (mayList['fraud-alerts']) ids.push('notices');
    if (prefecture && mayShow['stats/municipalities']) ids.push('comparison');
    return ids;
  }, [mayShow, mayList, prefecture]);
  // Panels report as they draw. Readiness is written straight onto the root element,
  // not kept in React state: a state change here would redraw the whole page once per
  // panel report (about twenty while the dashboard loads), for one attribute.
  const root = useRef<HTMLDivElement>(null);
  const states = useRef(new Map<string, PanelState>());
  const inputs = useRef({ visible, problem });
  inputs.current = { visible, problem };
  const refresh = useCallback(() => {
    const el = root.current;
    if (el) el.dataset.dashboardReady = dashboardReadiness(inputs.current.visible, inputs.current.problem, states.current);
  }, []);
  const report = useCallback(
    (id: string, state: PanelState) => {
      if (states.current.get(id) === state) return;
      states.current.set(id, state);
      refresh();
    },
    [refresh],
  );
  useLayoutEffect(refresh, [refresh, visible, problem]);
  const onNotices = useCallback((state: 'ready' | 'error') => report('notices', state), [report]);

  const update = (patch: Partial<DashboardSettings>) => setSettings({ ...settings, ...patch });
  const show = (s: StatResource) => Boolean(mayShow?.[s]);
  const props = { period, links };
  const municipalities = comparison.data?.municipalities;
  const chosenName = municipalities?.find((m) => m.code === municipalityCode)?.name;

  return (
    <ReadyContext.Provider value={report}>
      {/* Inline-size containment: no long line inside can widen the page past the window. */}
      <Box ref={root} data-dashboard-ready="false" data-testid="dashboard" sx={{ pb: 4, minWidth: 0, contain: 'inline-size' }}>
        <Title title={translate('resources.dashboard.title')} />
        {/* First: the figure policy staff and managers are judged on (issue #20). */}
        {show('stats/card-uptake') ? (
          <Box sx={{ mt: 2 }}>
            <CardUptakePanel query={cardUptake} month={cardMonth} onMonth={setCardMonth} links={links} mayOpenFigures={Boolean(mayList?.['population-figures'])} />
          </Box>
        ) : null}
        {mayList?.['fraud-alerts'] ? <PublishedNotices onSettled={onNotices} /> : null}
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, mt: 2 }}>
          <Controls
            period={period}
            campaigns={campaigns}
            problem={problem}
            showCampaign={!prefecture && (show('stats/summary') || show('stats/uptake') || show('stats/points'))}
            onPreset={(preset) => update(preset === 'custom' ? { preset, from: period.from, to: period.to } : { preset, interval: null })}
            onDates={(from, to) => update({ preset: 'custom', from, to })}
            onInterval={(interval) => update({ interval })}
            onCampaign={(campaignId) => update({ campaignId })}
            {...(prefecture ? { municipalities: municipalities ?? [], municipalityCode, onMunicipality: setMunicipalityCode } : {})}
          />
          {prefecture && show('stats/municipalities') ? (
            <>
              <ComparisonPanel query={comparison} selected={municipalityCode} onSelect={setMunicipalityCode} />
              <Typography variant="h6" component="h2" data-testid="dashboard-scope">
                {chosenName
                  ? translate('resources.dashboard.comparison.scope_one', { name: chosenName })
                  : translate('resources.dashboard.comparison.scope_all')}
              </Typography>
            </>
          ) : null}
          {show('stats/summary') ? <KpiPanel query={summary} {...props} /> : null}
          {mayList && Object.values(mayList).some(Boolean) ? (
            <Typography variant="caption" color="text.secondary" sx={{ displayPrint: 'none' }}>
              {translate('resources.dashboard.click_hint')}
            </Typography>
          ) : null}
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' }, gap: 2 }}>
            {show('stats/uptake') ? (
              <>
                <UptakePanels query={uptake} {...props} />
                <ServicePanels query={uptake} {...props} />
                <DemographicPanels query={uptake} {...props} acrossMunicipalities={prefecture && !municipalityCode} />
              </>
            ) : null}
            {show('stats/measures') ? <MeasuresPanel query={measures} /> : null}
            {show('stats/points') ? <PointsPanels query={points} {...props} /> : null}
            {show('stats/counter') ? <CounterPanels query={counter} {...props} /> : null}
            {show('stats/desks') && !prefecture ? <DesksPanels query={desks} /> : null}
            {show('stats/fraud') ? <FraudPanel query={fraud} {...props} /> : null}
          </Box>
        </Box>
      </Box>
    </ReadyContext.Provider>
  );
}
