import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { formatJapaneseEraDate, toJstDate, type IncidentStatus } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import type { AppDataProvider } from '../dataProvider';
import { jstTime } from '../desks/board';
import { IncidentStatusChip } from './incidentChips';

export interface IncidentHistoryEntry {
  id: number;
  fromStatus: IncidentStatus | null;
  toStatus: IncidentStatus;
  changedAt: string;
  changedByName: string;
  comment: string | null;
}

// The incident's story: when it was recorded and each status change, with who, when and why.
export function IncidentHistory() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang = useLang();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['wrong-person-incidents', record?.id, 'history', record?.updatedAt],
    queryFn: () => dataProvider.getJson<IncidentHistoryEntry[]>(`wrong-person-incidents/${record!.id}/history`),
    enabled: Boolean(record?.id),
  });
  if (!record) return null;
  if (isPending) return <Typography color="text.secondary">{translate('app.loading')}</Typography>;
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  if (!data?.length) return <Typography color="text.secondary">{translate('resources.wrong-person-incidents.history.empty')}</Typography>;
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="incident-history" aria-label={translate('resources.wrong-person-incidents.sections.history')}>
      {data.map((h, i) => (
        <Box component="li" key={h.id} sx={{ display: 'flex', gap: 2, pb: i === data.length - 1 ? 0 : 2 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
            <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: 'primary.main', flexShrink: 0 }} />
            {i < data.length - 1 && <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', mt: 0.5 }} />}
          </Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {lang === 'ja' ? formatJapaneseEraDate(toJstDate(new Date(h.changedAt))) : toJstDate(new Date(h.changedAt))} {jstTime(h.changedAt)} {h.changedByName}
            </Typography>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
              {h.fromStatus ? (
                <>
                  <IncidentStatusChip value={h.fromStatus} /> → <IncidentStatusChip value={h.toStatus} />
                </>
              ) : (
                <>
                  {translate('resources.wrong-person-incidents.history.created')} <IncidentStatusChip value={h.toStatus} />
                </>
              )}
            </Box>
            {h.comment ? (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                {h.comment}
              </Typography>
            ) : null}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
