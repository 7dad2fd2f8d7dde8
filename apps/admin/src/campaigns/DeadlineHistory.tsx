import { Alert, Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useMemo } from 'react';
import { useCanAccess, useGetList, useRecordContext, useTranslate } from 'react-admin';
import { formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { CAMPAIGN_DATE_FIELDS, MEASURE_DATE_FIELDS, toDeadlineHistory, type AuditRow } from './deadlineHistory';

const FIELDS = { campaigns: CAMPAIGN_DATE_FIELDS, measures: MEASURE_DATE_FIELDS };
const H = 'resources.measures.history';
const ALL = { page: 1, perPage: 500 };
const time = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/**
 * Who moved which deadline of the campaign and its measures, and when (the audit log,
 * read through GET /api/audit-logs filtered by resource and id). Only roles that may
 * read the audit log see it; the others are told who can.
 */
export function DeadlineHistory({ measures }: { measures: ReadonlyArray<{ id: number; name: string }> }) {
  const translate = useTranslate();
  const campaign = useRecordContext<{ id: number; name: string }>();
  const { canAccess, isPending: asking } = useCanAccess({ resource: 'audit-logs', action: 'list' });
  const measureIds = measures.map((m) => String(m.id));
  const on = Boolean(canAccess && campaign);
  // Exact matches: a text filter with one value is a substring search; an array is `= ANY`.
  const own = useGetList<AuditRow & { id: number }>(
    'audit-logs',
    { pagination: ALL, sort: { field: 'at', order: 'DESC' }, filter: { resource: ['campaigns'], resourceId: [String(campaign?.id)], action: ['update'] } },
    { enabled: on },
  );
  const ofMeasures = useGetList<AuditRow & { id: number }>(
    'audit-logs',
    { pagination: ALL, sort: { field: 'at', order: 'DESC' }, filter: { resource: ['measures'], resourceId: measureIds, action: ['update'] } },
    { enabled: on && measureIds.length > 0 },
  );
  const rows = useMemo(() => toDeadlineHistory([...(own.data ?? []), ...(ofMeasures.data ?? [])], FIELDS), [own.data, ofMeasures.data]);
  const names = useMemo(() => Object.fromEntries(measures.map((m) => [`measures:${m.id}`, m.name])), [measures]);
  const lang = useLang();

  if (asking || !campaign) return null;
  if (!canAccess) return <Typography color="text.secondary">{translate(`${H}.forbidden`)}</Typography>;
  if (own.error || ofMeasures.error) return <Alert severity="error">{translate(`${H}.error`)}</Alert>;
  if (own.isPending) return null;
  if (!rows.length) return <Typography color="text.secondary" data-testid="deadline-history-empty">{translate(`${H}.none`)}</Typography>;
  const day = (d: string) => (lang === 'en' ? d : formatJapaneseEraDate(d));
  const label = (resource: string, field: string) => translate(`resources.${resource}.fields.${field}`);
  return (
    <TableContainer sx={{ maxWidth: 1000 }}>
      <Table size="small" data-testid="deadline-history" aria-label={translate('resources.measures.sections.history')}>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{translate(`${H}.at`)}</TableCell>
            <TableCell scope="col">{translate(`${H}.who`)}</TableCell>
            <TableCell scope="col">{translate(`${H}.field`)}</TableCell>
            <TableCell scope="col">{translate(`${H}.change`)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${day(toJstDate(new Date(r.at)))} ${time.format(new Date(r.at))}`}</TableCell>
              <TableCell>{r.username ?? '—'}</TableCell>
              <TableCell>
                {r.resource === 'measures' ? `${translate('app.punct.quote', { text: names[`measures:${r.resourceId}`] ?? r.resourceId })} ` : null}
                {label(r.resource, r.field)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {translate(`${H}.from_to`, { from: day(r.from), to: day(r.to) })}
                {r.extended ? <Chip size="small" variant="outlined" label={translate(`${H}.extended`)} sx={{ ml: 1 }} /> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
