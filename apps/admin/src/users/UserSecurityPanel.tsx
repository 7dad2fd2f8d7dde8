import { Alert, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { SessionsTable, type SessionRow } from '../security/SessionsTable';

const T = 'resources.users.security';

// On a user's edit page, for an admin: their live sessions (end one or all) and, when
// they have a second factor, its reset (a lost phone; asks first, audited).
export function UserSecurityPanel() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const id = record?.id;
  const load = useCallback(() => {
    if (id === undefined) return;
    dataProvider.getJson<SessionRow[]>(`users/${id}/sessions`).then(setRows, (e: Error) => notify(e.message, { type: 'error' }));
  }, [dataProvider, id, notify]);
  useEffect(load, [load]);
  if (!record) return null;

  const act = async (fn: () => Promise<unknown>, done: string, args?: Record<string, unknown>) => {
    try {
      await fn();
      notify(done, { type: 'success', messageArgs: args });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
    load();
  };
  const endOne = (sessionId: number) => act(() => dataProvider.deleteJson(`users/${id}/sessions/${sessionId}`), 'resources.security.sessions.ended');
  const endAll = () => act(() => dataProvider.deleteJson(`users/${id}/sessions`), 'resources.security.sessions.ended_all', { count: rows?.length ?? 0 });
  const reset = async () => {
    setConfirmReset(false);
    await act(() => dataProvider.postJson(`users/${id}/totp-reset`), `${T}.reset_done`, { name: record.displayName });
    refresh();
  };

  return (
    <Card variant="outlined" sx={{ mt: 2, width: '100%', maxWidth: 860 }} component="section" aria-labelledby="user-security-title" data-testid="user-security">
      <CardContent>
        <Typography variant="h6" component="h2" id="user-security-title">
          {translate(`${T}.title`)}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', my: 1 }}>
          <Typography>{translate(record.totpEnabled ? `${T}.totp_on` : `${T}.totp_off`)}</Typography>
          {record.totpEnabled && (
            <Button color="warning" variant="outlined" size="small" onClick={() => setConfirmReset(true)} data-testid="totp-reset">
              {translate(`${T}.reset`)}
            </Button>
          )}
        </Stack>
        {record.authSource === 'directory' && <Alert severity="info" sx={{ mb: 1 }}>{translate(`${T}.directory`)}</Alert>}
        {rows && <SessionsTable rows={rows} onEnd={endOne} />}
        {rows && rows.length > 0 && (
          <Button color="warning" size="small" onClick={endAll} sx={{ mt: 1 }}>
            {translate('resources.security.sessions.end_all')}
          </Button>
        )}
      </CardContent>
      <Dialog open={confirmReset} onClose={() => setConfirmReset(false)}>
        <DialogTitle>{translate(`${T}.reset_title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(`${T}.reset_body`, { name: record.displayName, username: record.username })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmReset(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" onClick={reset} data-testid="totp-reset-confirm">
            {translate(`${T}.reset`)}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
