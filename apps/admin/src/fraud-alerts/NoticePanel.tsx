import { Alert, AlertTitle, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import CampaignIcon from '@mui/icons-material/Campaign';
import PrintIcon from '@mui/icons-material/Print';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { NoticeProblem, formatJapaneseEraDate, isNoticeComplete, noticeProblems, toJstDate } from '@mynapoint/domain';
import { useSettings } from '../common/settings';
import { useRolesWhoCan } from '../common/useRolesWhoCan';
import type { AppDataProvider } from '../dataProvider';
import { NoticeFlyer, flyerDate } from './NoticeFlyer';

// The flyer preview in the dialog: the A4 sheet drawn at half size.
const PREVIEW_SCALE = 0.5;


function ProblemList({ problems }: { problems: NoticeProblem[] }) {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {problems.map((p) => (
        <li key={p.field}>
          {translate(`resources.fraud-alerts.notice.problem.${p.kind}`, {
            field: translate(`resources.fraud-alerts.fields.${p.field}`),
            markers: p.markers.map((m) => translate('app.punct.quote', { text: m })).join(translate('app.punct.comma')),
          })}
        </li>
      ))}
    </Box>
  );
}

// The notice drafted on the alert: its text, its state, and for managers and
// admins the publish button. Publishing freezes the text onto the printed flyer, so
// the confirmation shows that flyer and what would keep it from being fit to hand out.
export function NoticePanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const settings = useSettings();
  // Who may write the notice (policy staff first: it is their job).
  const editors = useRolesWhoCan('fraud-alerts', 'edit', translate('resources.fraud-alerts.notice.or'));
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess: mayPublish } = useCanAccess({ resource: 'fraud-alerts', action: 'publish' });
  const { canAccess: mayEdit } = useCanAccess({ resource: 'fraud-alerts', action: 'edit' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const published = Boolean(record.noticePublishedAt);
  const complete = isNoticeComplete({ noticeTitle: record.noticeTitle, noticeBody: record.noticeBody });
  const problems = noticeProblems({ noticeTitle: record.noticeTitle, noticeBody: record.noticeBody });
  // Someone who cannot edit is told who can, not asked to fill it in.
  const fillHint = mayEdit ? translate('resources.fraud-alerts.notice.incomplete') : translate('resources.fraud-alerts.notice.incompleteReadOnly', { editors });

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
    return (
      <Typography color="text.secondary" data-testid="notice-none">
        {translate('resources.fraud-alerts.notice.none')}
        {!mayEdit && ` ${translate('resources.fraud-alerts.notice.draftedBy', { editors })}`}
      </Typography>
    );
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
        <Alert severity="info" sx={{ mb: 1 }} data-testid="notice-state">
          {translate('resources.fraud-alerts.notice.draft')}
          {!complete && ` — ${fillHint}`}
        </Alert>
      )}
      <Typography variant="h6" sx={{ fontWeight: 700 }}>
        {record.noticeTitle}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{record.noticeBody}</Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        {!published && mayPublish && (
          <Button variant="contained" color="error" startIcon={<CampaignIcon />} onClick={() => setOpen(true)} data-testid="publish-button">
            {translate('resources.fraud-alerts.notice.publish')}
          </Button>
        )}
        <Button component={Link} to={`/notices/${record.id}/print`} startIcon={<PrintIcon />} variant="outlined">
          {translate(published ? 'resources.fraud-alerts.notice.print' : 'resources.fraud-alerts.notice.preview')}
        </Button>
      </Box>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="md" fullWidth aria-labelledby="publish-dialog-title">
        <DialogTitle id="publish-dialog-title">{translate('resources.fraud-alerts.notice.publishTitle')}</DialogTitle>
        {/* It scrolls on a small screen: focusable, so it scrolls from the keyboard. */}
        <DialogContent tabIndex={0}>
          <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 3, alignItems: 'flex-start' }}>
            <Stack sx={{ gap: 2, flex: 1, minWidth: 0 }}>
              {problems.length > 0 && (
                <Alert severity="error" data-testid="publish-warnings">
                  <AlertTitle>{translate('resources.fraud-alerts.notice.problemsTitle')}</AlertTitle>
                  <ProblemList problems={problems} />
                  <Typography variant="body2" sx={{ mt: 1 }}>
                    {translate('resources.fraud-alerts.notice.problemsHint', { editors })}
                  </Typography>
                </Alert>
              )}
              <DialogContentText>{translate('resources.fraud-alerts.notice.publishBody')}</DialogContentText>
            </Stack>
            <Box component="figure" sx={{ m: 0, flexShrink: 0 }} data-testid="publish-preview">
              <Typography component="figcaption" variant="subtitle2" sx={{ mb: 1 }}>
                {translate('resources.fraud-alerts.notice.previewCaption')}
              </Typography>
              <Box sx={{ width: `calc(210mm * ${PREVIEW_SCALE})`, height: `calc(297mm * ${PREVIEW_SCALE})`, overflow: 'hidden', outline: '1px solid', outlineColor: 'divider' }}>
                <Box sx={{ width: '210mm', transform: `scale(${PREVIEW_SCALE})`, transformOrigin: 'top left' }}>
                  <NoticeFlyer notice={{ noticeTitle: record.noticeTitle, noticeBody: record.noticeBody }} issuer={settings} date={flyerDate({})} draft={false} />
                </Box>
              </Box>
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="error" onClick={publish} disabled={busy || problems.length > 0} data-testid="publish-confirm">
            {translate('resources.fraud-alerts.notice.publish')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
