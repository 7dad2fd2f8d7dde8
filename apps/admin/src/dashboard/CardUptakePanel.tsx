import { Box, Chip, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { useStore, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { AGE_BAND, TARGET_METRIC, formatJapaneseEraDate, formatRate, toJstDate, type CardUptakeStats, type Lang, type TargetMetric } from '@mynapoint/domain';
import { useEnumChoices, useLang } from '../common/enums';
import { JpMonthPicker } from '../common/JpDateInputs';
import { formatCount, periodLabel } from './format';
import { RateBarChart, RateLineChart } from './lazyCharts';
import { dashboardLinks } from './links';
import { Panel } from './Panel';
import { hasCardFigures, leadTarget, toCardUptake, type CardUptakeView, type GroupRow, type TargetView } from './toCardUptake';
import type { DashboardLinks } from './useLinks';
import type { QueryState } from './useStat';

const R = 'resources.dashboard.card';
type View = 'chart' | 'table';

interface Props {
  query: QueryState<CardUptakeStats>;
  month: string | null;
  onMonth: (month: string | null) => void;
  links: DashboardLinks;
  mayOpenFigures: boolean;
}

const date = (d: string, lang: Lang) => (lang === 'ja' ? formatJapaneseEraDate(d) : d);
const SCOPE = { campaignId: null };

/**
 * My Number card uptake, first on the dashboard of the staff judged on it: the city's
 * rate beside the nation's and the prefecture's and against each target, over time and
 * by district and age band, as charts or as tables (the same numbers, for screen
 * readers and for copying). A bar, a point or a table's name opens the figures behind it.
 */
export const CardUptakePanel = memo(function CardUptakePanel({ query, month, onMonth, links, mayOpenFigures }: Props) {
  const translate = useTranslate();
  const lang = useLang();
  const [metric, setMetric] = useStore<TargetMetric>('dashboard.cardMetric', 'application_rate');
  const [view, setView] = useStore<View>('dashboard.cardView', 'chart');
  const metrics = useEnumChoices(TARGET_METRIC);
  const today = toJstDate(new Date());
  const open = useMemo(() => links.opener('populationFigures', (filter: Record<string, unknown>) => ({ scope: SCOPE, extra: filter })), [links]);
  // The chart is drawn again only when what it shows changes.
  const body = useCallback(
    (s: CardUptakeStats) => <CardUptakeBody v={toCardUptake(s, metric)} view={view} lang={lang} open={open} mayOpenFigures={mayOpenFigures} />,
    [metric, view, lang, open, mayOpenFigures],
  );
  const title = (s: CardUptakeStats | undefined) =>
    s?.figuresAsOf ? translate(`${R}.title_as_of`, { date: date(s.figuresAsOf, lang) }) : translate(`${R}.title`);

  const actions = (
    <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center', displayPrint: 'none' }}>
      <ToggleButtonGroup exclusive size="small" color="primary" value={metric} onChange={(_e, v: TargetMetric | null) => v && setMetric(v)} aria-label={translate(`${R}.metric`)}>
        {metrics.map((m) => (
          <ToggleButton key={m.id} value={m.id} sx={{ px: 1.5, textTransform: 'none' }} data-testid={`card-metric-${m.id}`}>
            {m.name}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <ToggleButtonGroup exclusive size="small" color="primary" value={view} onChange={(_e, v: View | null) => v && setView(v)} aria-label={translate(`${R}.view`)}>
        <ToggleButton value="chart" sx={{ px: 1.5, textTransform: 'none' }} data-testid="card-view-chart">
          {translate(`${R}.as_chart`)}
        </ToggleButton>
        <ToggleButton value="table" sx={{ px: 1.5, textTransform: 'none' }} data-testid="card-view-table">
          {translate(`${R}.as_table`)}
        </ToggleButton>
      </ToggleButtonGroup>
      <JpMonthPicker
        label={translate(`${R}.month`)}
        value={month ?? today.slice(0, 7)}
        onChange={(m) => m && onMonth(m >= today.slice(0, 7) ? null : m)}
        testId="card-month"
        sx={{ width: 150 }}
      />
    </Stack>
  );

  return (
    <Panel
      id="card-uptake"
      wide
      title={title(query.data)}
      actions={actions}
      query={query}
      isEmpty={(s) => !hasCardFigures(s)}
      emptyText={translate(`${R}.empty`)}
      height={360}
    >
      {body}
    </Panel>
  );
});

interface BodyProps {
  v: CardUptakeView;
  view: View;
  lang: Lang;
  open: ((filter: Record<string, unknown>) => void) | undefined;
  mayOpenFigures: boolean;
}

function CardUptakeBody({ v, view, lang, open, mayOpenFigures }: BodyProps) {
  const translate = useTranslate();
  // The tables' links: the same filtered list a click on the chart opens.
  const href = (filter: Record<string, unknown>) => (mayOpenFigures ? dashboardLinks.populationFigures(SCOPE, filter) : undefined);
  const metricName = TARGET_METRIC.label(v.metric, lang);
  const names = { city: translate(`${R}.city`), national: translate(`${R}.national`), prefecture: translate(`${R}.prefecture`) };
  const lead = leadTarget(v.targets);
  const snapshot = v.figuresAsOf ? { asOf: v.figuresAsOf } : {};
  const bar = (rows: GroupRow[], name: (key: string) => string) =>
    rows.map((r) => {
      const g = lead ? r.gaps.find((x) => x.targetId === lead.id) : undefined;
      return { key: r.key, name: name(r.key), rate: r.rate, reached: g ? g.reached : true };
    });
  const ageName = (k: string) => AGE_BAND.label(k, lang);

  return (
    <Box data-testid="card-uptake" data-metric={v.metric}>
      <Headline v={v} names={names} metricName={metricName} lang={lang} />
      {view === 'chart' ? (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' }, gap: 2, mt: 1 }}>
          <Box>
            <Subtitle>{translate(`${R}.over_time`, { metric: metricName })}</Subtitle>
            <RateLineChart rows={v.months} targets={v.targets} names={names} lang={lang} onSelect={open && ((asOf: string) => open({ asOf }))} />
          </Box>
          <Box>
            <Subtitle>{translate(`${R}.by_district`)}</Subtitle>
            <RateBarChart rows={bar(v.districts, (k) => k)} targets={v.targets} onSelect={open && ((r) => open({ ...snapshot, district: r.key }))} />
            <Subtitle>{translate(`${R}.by_age`)}</Subtitle>
            <RateBarChart rows={bar(v.ageBands, ageName)} targets={v.targets} onSelect={open && ((r) => open({ ...snapshot, ageBand: r.key }))} />
          </Box>
        </Box>
      ) : (
        <Stack sx={{ gap: 2, mt: 1 }} data-testid="card-tables">
          <GroupTable caption={translate(`${R}.by_district`)} head={translate(`${R}.district`)} rows={v.districts} name={(k) => k} link={(k) => href({ ...snapshot, district: k })} v={v} lang={lang} />
          <GroupTable caption={translate(`${R}.by_age`)} head={translate(`${R}.age`)} rows={v.ageBands} name={ageName} link={(k) => href({ ...snapshot, ageBand: k })} v={v} lang={lang} />
          <MonthTable v={v} names={names} lang={lang} link={(asOf) => href({ asOf })} />
        </Stack>
      )}
    </Box>
  );
}

function Subtitle({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" component="h3" sx={{ fontWeight: 700, color: 'text.secondary', mt: 1, mb: 0.5 }}>
      {children}
    </Typography>
  );
}

/** The city's rate, the nation's and the prefecture's, and how far each target is. */
function Headline({ v, names, metricName, lang }: { v: CardUptakeView; names: { city: string; national: string; prefecture: string }; metricName: string; lang: Lang }) {
  const translate = useTranslate();
  const h = v.headline;
  const figure = (label: string, value: number | null, sub: string | null, testId: string, strong = false) => (
    <Box data-testid={testId}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography component="div" sx={{ fontSize: strong ? 28 : 20, fontWeight: 700, lineHeight: 1.2, fontVariantNumeric: 'tabular-nums' }}>
        {formatRate(value)}
      </Typography>
      {sub ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {sub}
        </Typography>
      ) : null}
    </Box>
  );
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'flex-start' }}>
      {figure(
        translate(`${R}.city_metric`, { metric: metricName }),
        h.city,
        translate(`${R}.count_of`, { count: formatCount(h.count), population: formatCount(h.population) }),
        'card-city',
        true,
      )}
      {figure(names.national, h.national, h.benchmarkAsOf ? translate(`${R}.published`, { date: date(h.benchmarkAsOf, lang) }) : null, 'card-national')}
      {figure(names.prefecture, h.prefecture, null, 'card-prefecture')}
      <Box sx={{ flex: '1 1 280px', minWidth: 0 }}>
        <Typography variant="caption" color="text.secondary" component="div">
          {translate(`${R}.targets`)}
        </Typography>
        {v.targets.length ? (
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
            {v.targets.map((t) => (
              <Box component="li" key={t.id} data-testid="card-target" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Chip size="small" color={t.reached ? 'success' : 'warning'} variant={t.reached ? 'outlined' : 'filled'} label={targetStatus(t, translate, v.metric)} />
                <Typography variant="body2">{translate(`${R}.target_line`, { name: t.name, percent: formatRate(t.percent), due: date(t.dueOn, lang) })}</Typography>
              </Box>
            ))}
          </Box>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate(`${R}.no_targets`, { metric: metricName })}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

function targetStatus(t: Pick<TargetView, 'reached' | 'people'>, translate: (key: string, opts?: Record<string, unknown>) => string, metric: TargetMetric): string {
  if (t.reached) return translate(`${R}.reached`);
  return translate(metric === 'issuance_rate' ? `${R}.more_cards` : `${R}.more_applications`, { count: formatCount(t.people) });
}

const NUM = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function GroupTable({ caption, head, rows, name, link, v, lang }: { caption: string; head: string; rows: GroupRow[]; name: (key: string) => string; link: (key: string) => string | undefined; v: CardUptakeView; lang: Lang }) {
  const translate = useTranslate();
  const countHead = translate(v.metric === 'issuance_rate' ? `${R}.cards` : `${R}.applications`);
  return (
    <Table size="small" sx={{ '& caption': { captionSide: 'top', fontWeight: 700, p: 0, pb: 0.5, color: 'text.secondary' } }}>
      <caption>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {head}
          </TableCell>
          <TableCell sx={NUM}>{translate(`${R}.population`)}</TableCell>
          <TableCell sx={NUM}>{countHead}</TableCell>
          <TableCell sx={NUM}>{TARGET_METRIC.label(v.metric, lang)}</TableCell>
          {v.targets.map((t) => (
            <TableCell key={t.id} sx={NUM}>
              {translate(`${R}.gap_to`, { name: t.name, percent: formatRate(t.percent) })}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => {
          const to = link(r.key);
          return (
            <TableRow key={r.key}>
              <TableCell component="th" scope="row">
                {to ? (
                  <Link component={RouterLink} to={to}>
                    {name(r.key)}
                  </Link>
                ) : (
                  name(r.key)
                )}
              </TableCell>
              <TableCell sx={NUM}>{formatCount(r.population)}</TableCell>
              <TableCell sx={NUM}>{formatCount(r.count)}</TableCell>
              <TableCell sx={NUM}>{formatRate(r.rate)}</TableCell>
              {v.targets.map((t) => {
                const g = r.gaps.find((x) => x.targetId === t.id);
                return (
                  <TableCell key={t.id} sx={NUM}>
                    {g ? targetStatus(g, translate, v.metric) : ''}
                  </TableCell>
                );
              })}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function MonthTable({ v, names, lang, link }: { v: CardUptakeView; names: { city: string; national: string; prefecture: string }; lang: Lang; link: (asOf: string) => string | undefined }) {
  const translate = useTranslate();
  // Newest first: the months staff compare are the latest.
  const rows = [...v.months].reverse();
  return (
    <Box sx={{ maxHeight: 360, overflow: 'auto' }} tabIndex={0} role="region" aria-label={translate(`${R}.over_time`, { metric: TARGET_METRIC.label(v.metric, lang) })}>
      <Table size="small" stickyHeader sx={{ '& caption': { captionSide: 'top', fontWeight: 700, p: 0, pb: 0.5, color: 'text.secondary' } }}>
        <caption>{translate(`${R}.over_time`, { metric: TARGET_METRIC.label(v.metric, lang) })}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {translate(`${R}.month_col`)}
            </TableCell>
            <TableCell sx={NUM}>{names.city}</TableCell>
            <TableCell sx={NUM}>{names.national}</TableCell>
            <TableCell sx={NUM}>{names.prefecture}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((m) => {
            const to = m.asOf ? link(m.asOf) : undefined;
            const label = periodLabel(`${m.month}-01`, 'month', lang);
            return (
              <TableRow key={m.month}>
                <TableCell component="th" scope="row">
                  {to ? (
                    <Link component={RouterLink} to={to}>
                      {label}
                    </Link>
                  ) : (
                    label
                  )}
                </TableCell>
                <TableCell sx={NUM}>{formatRate(m.city)}</TableCell>
                <TableCell sx={NUM}>{formatRate(m.national)}</TableCell>
                <TableCell sx={NUM}>{formatRate(m.prefecture)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
