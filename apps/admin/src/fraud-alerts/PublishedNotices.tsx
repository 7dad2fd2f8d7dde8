import { Alert, AlertTitle, Box, Button, Link as MuiLink, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useEffect } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';

const SHOWN = 5;

/**
 * Published warning notices, newest first, for every role's dashboard: staff see at
 * once what residents are being warned about, and can print the flyer.
 */
export function PublishedNotices({ onSettled }: { onSettled?: (state: 'ready' | 'error') => void } = {}) {
  const translate = useTranslate();
  const { data, total, isPending, error } = useGetList('fraud-alerts', {
    filter: { published: true },
    sort: { field: 'noticePublishedAt', order: 'DESC' },
    pagination: { page: 1, perPage: SHOWN },
  });
  // The dashboard waits for this list (drawn or failed) before it calls itself ready.
  useEffect(() => {
    if (!isPending) onSettled?.(error ? 'error' : 'ready');
  }, [isPending, error, onSettled]);
  if (isPending || error) return null;
  if (!data?.length) {
    return (
      <Alert severity="info" variant="outlined" sx={{ mt: 2 }} data-testid="published-notices">
        {translate('resources.fraud-alerts.banner.empty')}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" sx={{ mt: 2, '& .MuiAlert-message': { width: '100%' } }} data-testid="published-notices">
      <AlertTitle sx={{ fontWeight: 700 }}>{translate('resources.fraud-alerts.banner.title')}</AlertTitle>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {data.map((n) => (
          <Box component="li" key={n.id} sx={{ display: 'flex', gap: 2, alignItems: 'baseline', py: 0.75, borderTop: 1, borderColor: 'rgba(0,0,0,0.08)', '&:first-of-type': { borderTop: 0 } }}>
            <Typography variant="body2" color="text.secondary" sx={{ minWidth: 130, flexShrink: 0 }}>
              {formatJapaneseEraDate(toJstDate(new Date(n.noticePublishedAt)))}
            </Typography>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <MuiLink component={Link} to={`/fraud-alerts/${n.id}/show`} sx={{ fontWeight: 700 }} underline="hover">
                {n.noticeTitle}
              </MuiLink>
              <Typography variant="body2" color="text.secondary" noWrap>
                {String(n.noticeBody ?? '').split('\n')[0]}
              </Typography>
            </Box>
            <Button component={Link} to={`/notices/${n.id}/print`} size="small" startIcon={<PrintIcon />} sx={{ flexShrink: 0 }}>
              {translate('resources.fraud-alerts.banner.print')}
            </Button>
          </Box>
        ))}
      </Box>
      {total != null && total > SHOWN && (
        <MuiLink component={Link} to={`/fraud-alerts?filter=${encodeURIComponent(JSON.stringify({ noticeState: 'published' }))}`} variant="body2">
          {translate('resources.fraud-alerts.banner.more', { count: total - SHOWN })}
        </MuiLink>
      )}
    </Alert>
  );
}
