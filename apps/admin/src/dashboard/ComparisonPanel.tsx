import { Box, Button, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { memo, useCallback, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { MunicipalityStats, MunicipalityStatsRow } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { formatCount, formatPercent, rangeLabel } from './format';
import { ComparisonChart } from './lazyCharts';
import { Panel } from './Panel';
import { COMPARISON_METRICS, comparisonRows, defaultComparisonMetric, type ComparisonMetric } from './shape';
import type { QueryState } from './useStat';

const R = 'resources.dashboard.comparison';

interface Props {
  query: QueryState<MunicipalityStats>;
  selected: string | null;
  onSelect: (code: string | null) => void;
}

type Figures = Omit<MunicipalityStatsRow, 'code' | 'name'>;

/**
 * The prefecture's municipalities side by side: one measure as a bar chart (picked with
 * the buttons above it), and every measure in the table under it, which is also the
 * chart's text alternative. A municipality's name (a button) or its bar picks it for
 * the figures below; picking it again goes back to all of them.
 */
export const ComparisonPanel = memo(function ComparisonPanel({ query, selected, onSelect }: Props) {
  const translate = useTranslate();
  const lang = useLang();
  const [chosen, setChosen] = useState<ComparisonMetric | null>(null);
  const t = useCallback((key: string, options?: object) => translate(`${R}.${key}`, options), [translate]);

  const render = useCallback(
    (data: MunicipalityStats) => {
      const format = (metric: ComparisonMetric) => (v: number) => (metric === 'uptakeShare' ? `${v.toFixed(1)}%` : formatCount(v));
      const toggle = (code: string) => onSelect(code === selected ? null : code);
      const metric = chosen ?? defaultComparisonMetric(data.municipalities);
      const rows = comparisonRows(data.municipalities, metric, selected);
      const cells = (f: Figures) => [
        f.population === null ? '—' : formatCount(f.population),
        formatCount(f.reservations),
        f.uptakeShare === null ? '—' : formatPercent(f.uptakeShare, 2),
        formatCount(f.applications),
        formatCount(f.pointsAwarded),
        formatCount(f.assistedVisits),
        formatCount(f.assistedMinutes),
        formatCount(f.fraudReports),
      ];
      const columns = ['population', 'reservations', 'uptake_share', 'applications', 'points', 'visits', 'minutes', 'fraud'];
      return (
        <>
          <ToggleButtonGroup exclusive size="small" color="primary" value={metric} onChange={(_e, v: ComparisonMetric | null) => v && setChosen(v)} aria-label={t('metric')} sx={{ flexWrap: 'wrap', mb: 1 }}>
            {COMPARISON_METRICS.map((m) => (
              <ToggleButton key={m} value={m} sx={{ px: 1.5, textTransform: 'none' }} data-metric={m}>
                {t(`metrics.${m}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          {/* The table below says the same in text: the chart is one picture to assistive technology. */}
          <Box role="img" aria-label={t('chart_label', { metric: t(`metrics.${metric}`) })}>
            <ComparisonChart rows={rows} valueName={t(`metrics.${metric}`)} format={format(metric)} onSelect={toggle} />
          </Box>
          <TableContainer sx={{ mt: 2 }}>
            {/* MUI puts a table's caption under it; this one says how to read the table, so above. */}
            <Table size="small" data-testid="comparison-table" sx={{ '& caption': { captionSide: 'top', textAlign: 'left', px: 0, pt: 0, pb: 1 } }}>
              <Box component="caption" sx={{ color: 'text.secondary' }}>
                {t('table_caption', { range: rangeLabel(data.from, data.to, lang) })}
              </Box>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {t('columns.municipality')}
                  </TableCell>
                  {columns.map((c) => (
                    <TableCell key={c} component="th" scope="col" align="right">
                      {t(`columns.${c}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.municipalities.map((m) => (
                  <TableRow key={m.code} selected={m.code === selected} data-code={m.code}>
                    <TableCell component="th" scope="row">
                      <Button size="small" aria-pressed={m.code === selected} onClick={() => toggle(m.code)} sx={{ minWidth: 0, p: 0.25, textTransform: 'none', fontWeight: m.code === selected ? 700 : 400 }}>
                        {m.name}
                      </Button>
                    </TableCell>
                    {cells(m).map((v, i) => (
                      <TableCell key={columns[i]} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {v}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow data-code="total" sx={{ '& > *': { fontWeight: 700 } }}>
                  <TableCell component="th" scope="row">
                    {t('total')}
                  </TableCell>
                  {cells(data.total).map((v, i) => (
                    <TableCell key={columns[i]} align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                      {v}
                    </TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
          </TableContainer>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {t('note')}
          </Typography>
        </>
      );
    },
    [chosen, selected, onSelect, t, lang],
  );

  return (
    <Panel id="comparison" wide title={t('title')} query={query} isEmpty={(d) => d.municipalities.length === 0} emptyText={t('empty')} height={320}>
      {render}
    </Panel>
  );
});
