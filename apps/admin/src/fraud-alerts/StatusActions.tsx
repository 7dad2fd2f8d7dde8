import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { FRAUD_STATUS, containsMyNumber, isFraudReopen, nextFraudStatuses, type FraudStatus } from '@mynapoint/domain';
import { useLang } from '../common/enums';

// One button per allowed next status (the domain's workflow); each asks for an
// optional comment that goes into the history.
export function StatusActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const lang = useLang();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'fraud-alerts', action: 'edit' });
  const [target, setTarget] = useState<FraudStatus | null>(null);
  const [comment, setComment] = useState('');
  const [update, { isPending }] = useUpdate();
  if (!record || !canAccess) return null;
  const current = record.status as FraudStatus;
  const next = nextFraudStatuses(current);
  const commentError = containsMyNumber(comment) ? translate('app.my_number_warning') : comment.length > 500 ? '500' : null;

  const submit = () => {
    if (!target || commentError) return;
    update(
      'fraud-alerts',
      { id: record.id, data: { status: target, statusComment: comment.trim() || null }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(translate('resources.fraud-alerts.status.changed', { status: FRAUD_STATUS.label(target, lang) }), { type: 'success' });
          setTarget(null);
          setComment('');
          refresh();
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );
  };

  return (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
      {next.map((s) => (
        <Button key={s} variant={s === 'investigating' && !isFraudReopen(current, s) ? 'contained' : 'outlined'} size="small" onClick={() => setTarget(s)} data-testid={`to-${s}`}>
          {isFraudReopen(current, s) ? translate('resources.fraud-alerts.status.reopen') : translate(`resources.fraud-alerts.status.to.${s}`)}
        </Button>
      ))}
      {!next.length && <Typography color="text.secondary">{translate('resources.fraud-alerts.status.none')}</Typography>}
      <Dialog open={Boolean(target)} onClose={() => setTarget(null)} fullWidth maxWidth="sm">
        <DialogTitle>{target && translate('resources.fraud-alerts.status.dialogTitle', { status: FRAUD_STATUS.label(target, lang) })}</DialogTitle>
        <DialogContent>
          <MuiTextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={translate('resources.fraud-alerts.status.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            error={Boolean(commentError)}
            helperText={commentError ?? translate('resources.fraud-alerts.helper.statusComment')}
            slotProps={{ htmlInput: { 'data-testid': 'status-comment' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setTarget(null)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={isPending || Boolean(commentError)} data-testid="status-confirm">
            {translate('resources.fraud-alerts.status.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
