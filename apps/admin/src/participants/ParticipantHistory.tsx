import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import type { AppDataProvider } from '../dataProvider';

interface Entry {
  at: string;
  kind: 'reserved' | 'applied' | 'reapplied' | 'application_deleted';
  paymentServiceName: string | null;
  byName: string | null;
  reason: string | null;
}

const time = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

// The person's story in the campaign: reservation, applications, and deleted
// applications with who deleted them and why.
export function ParticipantHistory() {
  const record = useRecordContext<{ id: number; applicationId?: number | null }>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['participants', record?.id, 'history', record?.applicationId],
    queryFn: () => dataProvider.getJson<Entry[]>(`participants/${record!.id}/history`),
    enabled: Boolean(record?.id),
  });
  if (!record) return null;
  if (isPending) return <Typography color="text.secondary">{translate('app.loading')}</Typography>;
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;
  return (
    <Box component="ol" sx={{ m: 0, pl: 2.5 }} data-testid="participant-history">
      {(data ?? []).map((e, i) => (
        <li key={i}>
          <Typography variant="body2">
            {formatJapaneseEraDate(toJstDate(new Date(e.at)))} {time.format(new Date(e.at))} —{' '}
            <strong>{translate(`resources.participants.history.${e.kind}`)}</strong>
            {e.paymentServiceName && translate('app.punct.paren', { text: e.paymentServiceName })}
            {e.byName && ` ${e.byName}`}
          </Typography>
          {e.reason && (
            <Typography variant="body2" color="text.secondary">
              {translate('resources.participants.history.reason', { reason: e.reason })}
            </Typography>
          )}
        </li>
      ))}
    </Box>
  );
}
