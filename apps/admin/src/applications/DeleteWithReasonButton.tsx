import DeleteIcon from '@mui/icons-material/Delete';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDelete, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { MY_NUMBER_REFUSED_MESSAGE, containsMyNumber } from '@mynapoint/domain';

// Deleting an application needs a reason (kept in the participant's history), which
// react-admin's DeleteButton cannot ask for: this dialog does, and sends it as meta.
export function DeleteWithReasonButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'delete' });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [deleteOne, { isPending }] = useDelete();
  if (!record || !canAccess) return null;
  const trimmed = reason.trim();
  const error = containsMyNumber(reason) ? MY_NUMBER_REFUSED_MESSAGE.ja : null;

  const submit = () =>
    deleteOne(
      'applications',
      { id: record.id, previousData: record, meta: { reason: trimmed } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('resources.applications.delete.done', { type: 'info' });
          redirect('list', 'applications');
        },
        onError: (e) => notify((e as Error).message, { type: 'error' }),
      },
    );

  return (
    <>
      <Button color="error" size="small" startIcon={<DeleteIcon />} onClick={() => setOpen(true)} data-testid="delete-application">
        {translate('ra.action.delete')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="delete-application-title" fullWidth maxWidth="sm">
        <DialogTitle id="delete-application-title">{translate('resources.applications.delete.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('resources.applications.delete.explain')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            label={translate('resources.applications.delete.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={Boolean(error)}
            helperText={error ?? translate('resources.applications.delete.reasonHelp')}
            slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'delete-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={!trimmed || Boolean(error) || isPending} onClick={submit} data-testid="delete-confirm">
            {translate('ra.action.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
