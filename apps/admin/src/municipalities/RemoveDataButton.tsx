import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// The operator removes a municipality's data completely (POST /api/municipalities/:id/
// remove-data). It cannot be undone, so the dialog asks for the municipality's code,
// typed, as the API does. For the operator's municipality page (its record in context).
export function RemoveDataButton() {
  const record = useRecordContext<{ id: number; code: string; name: string }>();
  const { canAccess } = useCanAccess({ resource: 'municipalities', action: 'remove_data', record });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;

  const matches = typed.trim() === record.code;
  const close = () => {
    if (busy) return;
    setOpen(false);
    setTyped('');
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!matches || busy) return;
    setBusy(true);
    try {
      const { removed } = await dataProvider.postJson<{ removed: Record<string, number> }>(`municipalities/${record.id}/remove-data`, { confirmCode: record.code });
      const count = Object.values(removed).reduce((a, b) => a + b, 0);
      notify('app.municipality_data.removed', { type: 'success', messageArgs: { name: record.name, count: count.toLocaleString() } });
      setOpen(false);
      redirect('list', 'municipalities');
    } catch (err) {
      notify((err as Error).message || 'app.municipality_data.remove_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" color="error" variant="outlined" startIcon={<DeleteForeverIcon />} onClick={() => setOpen(true)}>
        {translate('app.municipality_data.remove')}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogTitle id={titleId}>{translate('app.municipality_data.remove_title', { name: record.name })}</DialogTitle>
          <DialogContent>
            <Alert severity="error" sx={{ mb: 2 }}>
              {translate('app.municipality_data.remove_warning')}
            </Alert>
            <DialogContentText sx={{ mb: 2 }}>{translate('app.municipality_data.remove_export_first')}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              label={translate('app.municipality_data.remove_confirm_label', { code: record.code })}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              error={typed.trim().length === 6 && !matches}
              helperText={typed.trim().length === 6 && !matches ? translate('app.municipality_data.remove_confirm_mismatch') : ' '}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 6 } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              {translate('app.municipality_data.remove_cancel')}
            </Button>
            <Button type="submit" color="error" variant="contained" disabled={!matches || busy} startIcon={<DeleteForeverIcon />}>
              {translate('app.municipality_data.remove_submit')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
