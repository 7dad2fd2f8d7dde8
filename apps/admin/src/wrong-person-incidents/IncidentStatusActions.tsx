import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { INCIDENT_STATUS, INCIDENT_TRANSITIONS, containsMyNumber, toJstDate, type IncidentStatus } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import { JpDatePicker } from '../common/JpDateInputs';

const T = 'resources.wrong-person-incidents.status';

// One button per allowed next status (the domain's workflow), each with an optional
// comment for the history; moving to 「総務省へ報告済み」 asks for the report's date.
export function IncidentStatusActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang = useLang();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'wrong-person-incidents', action: 'edit' });
  const [target, setTarget] = useState<IncidentStatus | null>(null);
  const [comment, setComment] = useState('');
  const [reportedOn, setReportedOn] = useState('');
  const [update, { isPending }] = useUpdate();
  if (!record || !canAccess) return null;
  const current = record.status as IncidentStatus;
  const next = INCIDENT_TRANSITIONS[current] ?? [];
  const commentError = containsMyNumber(comment) ? translate('app.my_number_warning') : comment.length > 500 ? translate(`${T}.too_long`) : null;
  const needsDate = target === 'reported' && !record.micReportedOn;
  const dateMissing = needsDate && !reportedOn;

  const open = (s: IncidentStatus) => {
    setTarget(s);
    setComment('');
    setReportedOn(toJstDate(new Date()));
  };
  const submit = () => {
    if (!target || commentError || dateMissing) return;
    const data: Record<string, unknown> = { status: target, statusComment: comment.trim() || null };
    if (needsDate) data.micReportedOn = reportedOn;
    update(
      'wrong-person-incidents',
      { id: record.id, data, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(translate(`${T}.changed`, { status: INCIDENT_STATUS.label(target, lang) }), { type: 'success' });
          setTarget(null);
          refresh();
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );
  };

  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      {next.map((s) => (
        <Button key={s} variant="outlined" size="small" onClick={() => open(s)} data-testid={`to-${s}`}>
          {translate(`${T}.to.${s}`)}
        </Button>
      ))}
      {!next.length && <Typography color="text.secondary">{translate(`${T}.none`)}</Typography>}
      <Dialog open={Boolean(target)} onClose={() => setTarget(null)} fullWidth maxWidth="sm" aria-labelledby="incident-status-title">
        <DialogTitle id="incident-status-title">{target && translate(`${T}.dialog_title`, { status: INCIDENT_STATUS.label(target, lang) })}</DialogTitle>
        <DialogContent>
          {needsDate ? (
            <Box sx={{ mt: 1, mb: 1 }}>
              <JpDatePicker label={translate('resources.wrong-person-incidents.fields.micReportedOn')} value={reportedOn} onChange={setReportedOn} helperText={dateMissing ? translate(`${T}.date_required`) : undefined} />
            </Box>
          ) : null}
          <MuiTextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={translate(`${T}.comment`)}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            error={Boolean(commentError)}
            helperText={commentError ?? translate(`${T}.comment_hint`)}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setTarget(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={isPending || Boolean(commentError) || dateMissing} data-testid="status-confirm">
            {translate(`${T}.confirm`)}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
