import { Box, Button, CardContent, CircularProgress, Link, TextField, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useDocumentLang } from '../common/useDocumentLang';
import { useState, type FormEvent } from 'react';
import { Login, useLogin, useNotify, useTranslate } from 'react-admin';
import { SecondFactorRequired } from '../authProvider';
import { rememberedMunicipalityCode } from '../session';

// The login page says what system this is and whose: staff share terminals. Staff of a
// municipality other than the installation's default give its 団体コード (remembered on
// this PC for the next visit); the default's staff, the operator and prefecture
// accounts leave it empty. Two steps when the user has a second factor: the password,
// then the authenticator app's code (or a recovery code).
export function LoginPage() {
  const translate = useTranslate();
  useDocumentLang();
  return (
    <Login sx={{ background: 'linear-gradient(160deg, #0d47a1 0%, #1565c0 60%, #e3f2fd 100%)' }}>
      <Box sx={{ px: 3, pt: 1, textAlign: 'center' }}>
        <Typography variant="h6" component="h1" sx={{ fontWeight: 700 }}>
          {translate('app.login.heading')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.subtitle')}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('app.login.hint')}
        </Typography>
      </Box>
      <SignInForm />
      <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
        <Link component={RouterLink} to="/accessibility" variant="body2">
          {translate('resources.accessibility.name')}
        </Link>
      </Box>
    </Login>
  );
}

/** Digits only, whatever was pasted ("123 456", "123-456"), at most six. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '').slice(0, 6);
}

function SignInForm() {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState(rememberedMunicipalityCode);
  const codeInvalid = municipalityCode !== '' && !/^[0-9０-９]{6}$/.test(municipalityCode);
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const fail = (e: unknown) => {
    const message = (e as Error)?.message || 'ra.auth.sign_in_error';
    notify(message, { type: 'error', messageArgs: { _: message } });
  };

  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await login({ username, password, municipalityCode });
    } catch (err) {
      if (err instanceof SecondFactorRequired) {
        setMfaToken(err.mfaToken);
        setPassword('');
      } else fail(err);
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await login({ mfaToken, code });
    } catch (err) {
      setCode('');
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    setMfaToken(null);
    setCode('');
    setRecovery(false);
  };

  if (mfaToken) {
    return (
      <form onSubmit={submitCode} noValidate data-testid="code-form">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, width: 300 }}>
          <Typography variant="body2" id="code-help">
            {translate(recovery ? 'app.login.recovery_help' : 'app.login.code_help')}
          </Typography>
          {recovery ? (
            <TextField
              key="recovery"
              label={translate('app.login.recovery')}
              value={code}
              onChange={(e) => setCode(e.target.value.slice(0, 20))}
              autoFocus
              autoComplete="off"
              slotProps={{ htmlInput: { 'aria-describedby': 'code-help', spellCheck: false, autoCapitalize: 'none' } }}
              required
            />
          ) : (
            <TextField
              key="code"
              label={translate('app.login.code')}
              value={code}
              // Pasting "123 456" keeps the digits.
              onChange={(e) => setCode(digitsOf(e.target.value))}
              autoFocus
              autoComplete="one-time-code"
              // The numeric keypad on phones.
              slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', 'aria-describedby': 'code-help' } }}
              required
            />
          )}
          <Button type="submit" variant="contained" disabled={busy || (!recovery && code.length !== 6) || (recovery && !code.trim())}>
            {busy ? <CircularProgress size={19} thickness={3} /> : translate('app.login.verify')}
          </Button>
          <Link component="button" type="button" variant="body2" onClick={() => { setRecovery(!recovery); setCode(''); }}>
            {translate(recovery ? 'app.login.use_code' : 'app.login.use_recovery')}
          </Link>
          <Link component="button" type="button" variant="body2" onClick={startOver}>
            {translate('app.login.start_over')}
          </Link>
        </CardContent>
      </form>
    );
  }

  return (
    <form onSubmit={submitPassword} noValidate data-testid="password-form">
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, width: 300 }}>
        <TextField
          label={translate('ra.auth.username')}
          name="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus
          autoComplete="username"
          required
        />
        <TextField
          label={translate('ra.auth.password')}
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <TextField
          label={translate('app.login.municipality_code')}
          name="municipalityCode"
          value={municipalityCode}
          onChange={(e) => setMunicipalityCode(e.target.value.trim().slice(0, 6))}
          placeholder={translate('app.login.municipality_code_placeholder')}
          error={codeInvalid}
          helperText={translate(codeInvalid ? 'app.login.municipality_code_invalid' : 'app.login.municipality_code_help')}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6, autoComplete: 'off' } }}
        />
        <Button type="submit" variant="contained" disabled={busy || !username || !password || codeInvalid}>
          {busy ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </form>
  );
}
