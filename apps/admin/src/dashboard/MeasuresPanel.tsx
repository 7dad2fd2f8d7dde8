import { Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { memo } from 'react';
import { Link as RouterLink, useTranslate } from 'react-admin';
import { BudgetGauge } from '../measures/BudgetGauge';
import { formatCount } from './format';
import { Panel } from './Panel';
import type { QueryState } from './useStat';

/** GET /api/stats/measures (apps/api/src/stats/dto/measure-stats.dto.ts). */
export interface MeasureStats {
  measures: Array<{
    measureId: number;
    campaignId: number;
    campaignName: string;
    name: string;
    kind: string;
    fundedBy: string;
    applications: number;
    participantsWithPoints: number;
    participantsAtCap: number;
    awards: number;
    pointsYen: number;
    budgetYen: number | null;
    remainingBudgetYen: number | null;
    budgetUsedPercent: number | null;
    budgetWarning: boolean;
  }>;
}

const R = 'resources.dashboard.measures';

/**
 * Uptake and points by measure (施策), with the budget gauge of each measure that has a
 * budget of its own (a prefecture's or the city's top-up): used and remaining, amber
 * from 90 % used. A table, not a chart: the measures differ in kind and scale.
 */
export const MeasuresPanel = memo(function MeasuresPanel({ query }: { query: QueryState<MeasureStats> }) {
  const translate = useTranslate();
  return (
    <Panel id="measures" wide title={translate(`${R}.title`)} query={query} isEmpty={(s) => s.measures.length === 0} emptyText={translate(`${R}.empty`)} height={200}>
      {(s) => (
        <TableContainer>
          <Table size="small" aria-label={translate(`${R}.title`)}>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{translate(`${R}.measure`)}</TableCell>
                <TableCell scope="col" align="right">
                  {translate(`${R}.applications`)}
                </TableCell>
                <TableCell scope="col" align="right">
                  {translate(`${R}.people`)}
                </TableCell>
                <TableCell scope="col" align="right">
                  {translate(`${R}.points`)}
                </TableCell>
                <TableCell scope="col">{translate(`${R}.budget`)}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {s.measures.map((m) => (
                <TableRow key={m.measureId} data-testid={`measure-row-${m.measureId}`}>
                  <TableCell component="th" scope="row">
                    <Link component={RouterLink} to={`/measures/${m.measureId}/show`} sx={{ fontWeight: 700 }}>
                      {m.name}
                    </Link>
                    <br />
                    <span style={{ fontSize: '0.8rem' }}>{m.campaignName}</span>
                  </TableCell>
                  <TableCell align="right">{formatCount(m.applications)}</TableCell>
                  <TableCell align="right">{formatCount(m.participantsWithPoints)}</TableCell>
                  <TableCell align="right">{formatCount(m.pointsYen)}</TableCell>
                  <TableCell sx={{ minWidth: 260 }}>
                    {m.budgetYen == null ? translate('resources.measures.gauge.none') : <BudgetGauge budgetYen={m.budgetYen} awardedYen={m.budgetYen - (m.remainingBudgetYen ?? 0)} name={m.name} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Panel>
  );
});
