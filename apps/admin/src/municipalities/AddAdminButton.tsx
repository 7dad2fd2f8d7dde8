import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

const T = 'resources.municipalities';

// 「管理者を追加」: a further admin of the municipality (the operator's), in a dialog.
// The server applies the users' rules; its field errors are shown under the fields.
export function AddAdminButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'municipalities', action: 'create' });
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [values, setValues] = useState({ username: '', displayName: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!record || !canAccess) return null;

  const close = () => {
    setOpen(false);
    setValues({ username: '', displayName: '', password: '' });
    setErrors({});
  };
  const submit = async () => {
    setBusy(true);
    try {
      const admin = await dataProvider.postJson<{ username: string }>(`municipalities/${record.id}/admins`, values);
      notify(`${T}.admins.done`, { type: 'success', messageArgs: { username: admin.username } });
      close();
    } catch (e) {
      const body = (e as { body?: { errors?: Record<string, string> } }).body;
      setErrors(body?.errors ?? {});
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof values, type = 'text') => (
    <TextField
      id={`${id}-${name}`}
      label={translate(`${T}.firstAdmin.${name}`)}
      type={type}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      error={Boolean(errors[name])}
      helperText={errors[name] ?? (name === 'password' ? translate(`${T}.helper.password`) : ' ')}
      autoComplete={name === 'password' ? 'new-password' : 'off'}
      required
      fullWidth
      autoFocus={name === 'username'}
    />
  );

  return (
    <>
      <Button size="small" startIcon={<PersonAddIcon />} onClick={() => setOpen(true)} data-testid="add-admin">
        {translate(`${T}.admins.add`)}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={`${id}-title`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogTitle id={`${id}-title`}>{translate(`${T}.admins.title`, { name: record.name })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>{translate(`${T}.admins.body`, { code: record.code })}</DialogContentText>
            <Stack>
              {field('username')}
              {field('displayName')}
              {field('password', 'password')}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy || !values.username || !values.displayName || !values.password}>
              {translate(`${T}.admins.add`)}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
