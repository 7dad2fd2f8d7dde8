import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Typography } from '@mui/material';
import CampaignIcon from '@mui/icons-material/Campaign';
import PrintIcon from '@mui/icons-material/Print';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatJapaneseEraDate, isNoticeComplete, toJstDate } from '@mynapoint/domain';
import type { AppDataProvider } from '../dataProvider';

// The notice drafted on the alert: its text, its state, and for managers and
// admins the publish button (with a confirmation: a published notice is final).
export function NoticePanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess: mayPublish } = useCanAccess({ resource: 'fraud-alerts', action: 'publish' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const published = Boolean(record.noticePublishedAt);
  const complete = isNoticeComplete({ noticeTitle: record.noticeTitle, noticeBody: record.noticeBody });

  const publish = async () => {
    setBusy(true);
    try {
      await dataProvider.postJson(`fraud-alerts/${record.id}/publish`);
      notify('resources.fraud-alerts.notice.published_ok', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  if (!record.noticeTitle && !record.noticeBody) {
    return <Typography color="text.secondary">{translate('resources.fraud-alerts.notice.none')}</Typography>;
  }
  return (
    <Box data-testid="notice-panel">
      {published ? (
        <Alert severity="success" sx={{ mb: 1 }}>
          {translate('resources.fraud-alerts.notice.published', {
            date: formatJapaneseEraDate(toJstDate(new Date(record.noticePublishedAt))),
            name: record.noticePublishedByName ?? '',
          })}
        </Alert>
      ) : (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('resources.fraud-alerts.notice.draft')}
          {!complete && ` — ${translate('resources.fraud-alerts.notice.incomplete')}`}
        </Alert>
      )}
      <Typography variant="h6" sx={{ fontWeight: 700 }}>
        {record.noticeTitle}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{record.noticeBody}</Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        {!published && mayPublish && (
          <Button variant="contained" color="error" startIcon={<CampaignIcon />} disabled={!complete} onClick={() => setOpen(true)} data-testid="publish-button">
            {translate('resources.fraud-alerts.notice.publish')}
          </Button>
        )}
        <Button component={Link} to={`/notices/${record.id}/print`} startIcon={<PrintIcon />} variant="outlined">
          {translate(published ? 'resources.fraud-alerts.notice.print' : 'resources.fraud-alerts.notice.preview')}
        </Button>
      </Box>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('resources.fraud-alerts.notice.publishTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('resources.fraud-alerts.notice.publishBody')}</DialogContentText>
          <Typography sx={{ mt: 2, fontWeight: 700 }}>{record.noticeTitle}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="error" onClick={publish} disabled={busy} data-testid="publish-confirm">
            {translate('resources.fraud-alerts.notice.publish')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
