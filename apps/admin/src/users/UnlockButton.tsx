import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// 「ロック解除」 for an account locked by repeated wrong passwords: shown only while it
// is locked, and asks first (the server logs who unlocked whom).
export function UnlockButton({ variant = 'text' }: { variant?: 'text' | 'contained' }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record?.locked) return null;

  // Inside a clickable list row: the click must not open the record.
  const stop = (e: MouseEvent) => e.stopPropagation();
  const unlock = async () => {
    setBusy(true);
    try {
      await dataProvider.postJson(`users/${record.id}/unlock`);
      notify('resources.users.unlock.done', { type: 'success', messageArgs: { name: record.displayName } });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span onClick={stop}>
      <Button size="small" variant={variant} color="warning" startIcon={<LockOpenIcon />} onClick={() => setOpen(true)} data-testid="unlock-button">
        {translate('resources.users.unlock.action')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('resources.users.unlock.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate('resources.users.unlock.body', { name: record.displayName, username: record.username, count: record.failedLogins })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" onClick={unlock} disabled={busy} data-testid="unlock-confirm">
            {translate('resources.users.unlock.action')}
          </Button>
        </DialogActions>
      </Dialog>
    </span>
  );
}
