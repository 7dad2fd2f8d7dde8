import { Alert, Box, Button, Card, CardContent, Chip, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { readSession, markSetupDone } from '../session';
import { digitsOf } from '../layout/LoginPage';
import { Instant, SessionsTable, type SessionRow } from './SessionsTable';
import { TotpPolicyCard } from './TotpPolicyCard';

const T = 'resources.security';

interface TotpStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
}

interface Setup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** The code field: digits only (pasting "123 456" works), the numeric keypad on phones. */
function CodeField({ value, onChange, id }: { value: string; onChange: (v: string) => void; id: string }) {
  const translate = useTranslate();
  return (
    <TextField
      id={id}
      label={translate('app.login.code')}
      value={value}
      onChange={(e) => onChange(digitsOf(e.target.value))}
      autoComplete="one-time-code"
      size="small"
      slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*' } }}
      sx={{ width: 200 }}
    />
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={{ mt: 2 }} data-testid="recovery-codes">
      <Typography variant="subtitle2" component="h3">
        {translate(`${T}.recovery.shown_once`)}
      </Typography>
      <Box component="ol" sx={{ fontFamily: 'monospace', fontSize: '1.05rem', columns: 2, listStylePosition: 'inside', pl: 0, my: 1 }}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </Box>
      <Button variant="contained" size="small" onClick={onDone}>
        {translate(`${T}.recovery.saved`)}
      </Button>
    </Alert>
  );
}

function TotpCard({ status, reload }: { status: TotpStatus; reload: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [renewCode, setRenewCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  // Out of set-up-only mode, the whole app opens: reload so the menu and routes are rebuilt.
  const wasSetupOnly = useState(() => Boolean(readSession()?.setupRequired))[0];
  const done = () => {
    setCodes(null);
    if (wasSetupOnly) {
      window.location.hash = '#/';
      window.location.reload();
    }
  };
  const start = () => run(async () => setSetup(await dataProvider.postJson<Setup>('auth/totp/setup')));
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      const res = await dataProvider.postJson<{ recoveryCodes: string[] }>('auth/totp/confirm', { code });
      setSetup(null);
      setCode('');
      setCodes(res.recoveryCodes);
      markSetupDone();
      notify(`${T}.totp.enabled_now`, { type: 'success' });
      reload();
    });
  };
  const renew = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      const res = await dataProvider.postJson<{ recoveryCodes: string[] }>('auth/totp/recovery-codes', { code: renewCode });
      setRenewCode('');
      setCodes(res.recoveryCodes);
      reload();
    });
  };

  return (
    <Card component="section" aria-labelledby="totp-title">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" id="totp-title">
            {translate(`${T}.totp.title`)}
          </Typography>
          <Chip
            size="small"
            color={status.enabled ? 'success' : 'default'}
            label={translate(status.enabled ? `${T}.totp.on` : `${T}.totp.off`)}
            data-testid="totp-status"
          />
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate(`${T}.totp.intro`)}
        </Typography>
        {status.required && !status.enabled && (
          <Alert severity="info" sx={{ mb: 2 }} data-testid="totp-required">
            {translate(`${T}.totp.required`)}
          </Alert>
        )}
        {status.enabled && status.enabledAt && (
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate(`${T}.totp.enabled_at`)} <Instant value={status.enabledAt} />
          </Typography>
        )}

        {!setup && (
          <Button variant={status.enabled ? 'outlined' : 'contained'} onClick={start} disabled={busy} data-testid="totp-start">
            {translate(status.enabled ? `${T}.totp.redo` : `${T}.totp.start`)}
          </Button>
        )}
        {setup && (
          <Box component="form" onSubmit={confirm} data-testid="totp-setup">
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate(`${T}.totp.scan`)}
            </Typography>
            <Box component="img" src={setup.qrDataUrl} alt={translate(`${T}.totp.qr_alt`)} sx={{ width: 200, height: 200, display: 'block', border: 1, borderColor: 'divider' }} />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate(`${T}.totp.manual`)}
            </Typography>
            <Typography component="code" sx={{ fontFamily: 'monospace', fontSize: '1rem', wordBreak: 'break-all', display: 'block', mb: 2 }} data-testid="totp-secret">
              {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Typography>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <CodeField id="totp-confirm-code" value={code} onChange={setCode} />
              <Button type="submit" variant="contained" disabled={busy || code.length !== 6}>
                {translate(`${T}.totp.confirm`)}
              </Button>
              <Button onClick={() => setSetup(null)}>{translate('ra.action.cancel')}</Button>
            </Stack>
          </Box>
        )}

        {codes && <RecoveryCodes codes={codes} onDone={done} />}

        {status.enabled && !setup && (
          <Box component="section" aria-labelledby="recovery-title" sx={{ mt: 3 }}>
            <Typography variant="subtitle1" component="h3" id="recovery-title">
              {translate(`${T}.recovery.title`)}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="recovery-left">
              {translate(`${T}.recovery.left`, { count: status.recoveryCodesLeft })}
            </Typography>
            <Stack component="form" direction="row" spacing={2} onSubmit={renew} sx={{ alignItems: 'center' }}>
              <CodeField id="recovery-renew-code" value={renewCode} onChange={setRenewCode} />
              <Button type="submit" variant="outlined" disabled={busy || renewCode.length !== 6}>
                {translate(`${T}.recovery.renew`)}
              </Button>
            </Stack>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

function MySessions() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [rows, setRows] = useState<SessionRow[] | null>(null);
  const load = useCallback(() => {
    dataProvider.getJson<SessionRow[]>('auth/sessions').then(setRows, (e: Error) => notify(e.message, { type: 'error' }));
  }, [dataProvider, notify]);
  useEffect(load, [load]);
  const end = async (id: number) => {
    try {
      await dataProvider.deleteJson(`auth/sessions/${id}`);
      notify(`${T}.sessions.ended`, { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
    load();
  };
  return (
    <Card component="section" aria-labelledby="sessions-title">
      <CardContent>
        <Typography variant="h6" component="h2" id="sessions-title">
          {translate(`${T}.sessions.title`)}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {translate(`${T}.sessions.intro`)}
        </Typography>
        {rows && <SessionsTable rows={rows} onEnd={end} />}
      </CardContent>
    </Card>
  );
}

// 「セキュリティ」: the signed-in user's second factor, recovery codes and sessions; an
// admin also sets which roles must use a second factor. A role that must use one and
// has none lands here after the password and can do nothing else until it is on.
export function SecurityPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [status, setStatus] = useState<TotpStatus | null>(null);
  const load = useCallback(() => {
    dataProvider.getJson<TotpStatus>('auth/totp').then(setStatus, (e: Error) => notify(e.message, { type: 'error' }));
  }, [dataProvider, notify]);
  useEffect(load, [load]);
  const setupOnly = Boolean(readSession()?.setupRequired);

  return (
    <Stack spacing={2} sx={{ mt: 2, maxWidth: 860 }} data-testid="security-page">
      <Title title={translate(`${T}.title`)} />
      {setupOnly && <Alert severity="warning">{translate(`${T}.totp.setup_first`)}</Alert>}
      {status && <TotpCard status={status} reload={load} />}
      {!setupOnly && <MySessions />}
      {!setupOnly && <TotpPolicyCard />}
    </Stack>
  );
}
