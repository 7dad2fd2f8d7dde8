import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatCount, formatPercent } from './format';
import type { SummaryStats } from '@mynapoint/domain';

export interface Kpi {
  key: string;
  label: string;
  value: string;
  sub?: string;
  /** The list behind the figure (absent when the role may not open it). */
  to?: string;
}

/** The eight headline figures of GET /api/stats/summary, each linking to its list. */
export function summaryKpis(s: SummaryStats, translate: (key: string, options?: object) => string, links: Partial<Record<string, string>>): Kpi[] {
  const t = (key: string, options?: object) => translate(`resources.dashboard.kpi.${key}`, options);
  return [
    { key: 'reservations', label: t('reservations'), value: t('cases', { count: formatCount(s.reservations) }), sub: t('in_period'), to: links.reservations },
    { key: 'applications', label: t('applications'), value: t('cases', { count: formatCount(s.applications) }), sub: t('in_period'), to: links.applications },
    { key: 'awarded', label: t('awarded'), value: t('people', { count: formatCount(s.awardedParticipants) }), sub: t('campaign_total'), to: links.awarded },
    { key: 'points', label: t('points'), value: t('points_value', { count: formatCount(s.pointsAwarded) }), sub: t('in_period'), to: links.points },
    { key: 'cap_share', label: t('cap_share'), value: formatPercent(s.capReachedShare), sub: t('cap_sub', { count: formatCount(s.capReachedParticipants) }), to: links.capReached },
    { key: 'quota_remaining', label: t('quota_remaining'), value: formatCount(s.quotaRemaining), sub: t('quota_sub', { capacity: formatCount(s.quotaCapacity), used: formatCount(s.quotaUsed) }), to: links.quotas },
    { key: 'assisted', label: t('assisted'), value: t('cases', { count: formatCount(s.assistedVisitsThisMonth) }), sub: t('month_sub'), to: links.assisted },
    { key: 'fraud_open', label: t('fraud_open'), value: t('cases', { count: formatCount(s.openFraudAlerts) }), sub: t('fraud_sub'), to: links.fraud },
  ];
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const body: ReactNode = (
    <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
      <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 700 }}>
        {kpi.label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ fontWeight: 700, my: 0.25, fontVariantNumeric: 'tabular-nums' }} data-testid={`kpi-${kpi.key}`}>
        {kpi.value}
      </Typography>
      {kpi.sub ? (
        <Typography variant="caption" color="text.secondary">
          {kpi.sub}
        </Typography>
      ) : null}
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      {kpi.to ? (
        <CardActionArea component={Link} to={kpi.to} sx={{ height: '100%' }}>
          {body}
        </CardActionArea>
      ) : (
        body
      )}
    </Card>
  );
}

// Four across from 1200 px; below, two, so that a figure like 10,574,689pt keeps its line.
const GRID = { display: 'grid', gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' }, gap: 1.5 };

export function KpiGrid({ kpis }: { kpis: Kpi[] }) {
  return (
    <Box sx={GRID}>
      {kpis.map((k) => (
        <KpiCard key={k.key} kpi={k} />
      ))}
    </Box>
  );
}

export function KpiSkeleton({ count = 8 }: { count?: number }) {
  return (
    <Box sx={GRID}>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} variant="rounded" height={96} />
      ))}
    </Box>
  );
}
