import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import { formatJapaneseEraDate, toJstDate, type FraudStatus } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import type { AppDataProvider } from '../dataProvider';
import { StatusChip } from './fraudAlertChips';

export interface HistoryEntry {
  id: number;
  fromStatus: FraudStatus | null;
  toStatus: FraudStatus;
  changedAt: string;
  changedByName: string;
  comment: string | null;
}

type Item = { key: string; at: string; who: string; label: React.ReactNode; comment: string | null };

const time = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

// The alert's story: the report, each status change with who, when and why, and
// the notice's publication.
export function HistoryTimeline() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang = useLang();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useQuery({
    // updatedAt in the key: a status change refetches the history.
    queryKey: ['fraud-alerts', record?.id, 'history', record?.updatedAt],
    queryFn: () => dataProvider.getJson<HistoryEntry[]>(`fraud-alerts/${record!.id}/history`),
    enabled: Boolean(record?.id),
  });
  if (!record) return null;
  if (isPending) return <Typography color="text.secondary">{translate('app.loading')}</Typography>;
  if (error) return <Typography color="error">{(error as Error).message}</Typography>;

  const items: Item[] = (data ?? []).map((h) => ({
    key: `h${h.id}`,
    at: h.changedAt,
    who: h.changedByName,
    comment: h.comment,
    label: h.fromStatus ? (
      <>
        <StatusChip value={h.fromStatus} /> → <StatusChip value={h.toStatus} />
      </>
    ) : (
      <>
        {translate('resources.fraud-alerts.history.created')} <StatusChip value={h.toStatus} />
      </>
    ),
  }));
  if (record.noticePublishedAt) {
    items.push({ key: 'published', at: record.noticePublishedAt, who: record.noticePublishedByName ?? '', comment: record.noticeTitle, label: translate('resources.fraud-alerts.history.published') });
    items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }
  if (!items.length) return <Typography color="text.secondary">{translate('resources.fraud-alerts.history.empty')}</Typography>;

  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="fraud-history" aria-label={translate('resources.fraud-alerts.sections.history')}>
      {items.map((item, i) => (
        <Box component="li" key={item.key} sx={{ display: 'flex', gap: 2, position: 'relative', pb: i === items.length - 1 ? 0 : 2 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }}>
            <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: item.key === 'published' ? 'error.main' : 'primary.main', flexShrink: 0 }} />
            {i < items.length - 1 && <Box sx={{ width: 2, flex: 1, bgcolor: 'divider', mt: 0.5 }} />}
          </Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {lang === 'ja' ? formatJapaneseEraDate(toJstDate(new Date(item.at))) : toJstDate(new Date(item.at))} {time.format(new Date(item.at))}　{item.who}
            </Typography>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>{item.label}</Box>
            {item.comment && (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
                {item.comment}
              </Typography>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
