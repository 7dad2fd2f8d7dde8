import { Box, Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, TextInput, regex, required, useTranslate } from 'react-admin';
import { rememberedMunicipalityCode } from '../session';

// The login page says what system this is: staff share terminals. Staff of a
// municipality other than the installation's default give its 団体コード (remembered on
// this PC for the next visit); the default's staff, the operator and prefecture
// accounts leave it empty.
export function LoginPage() {
  const translate = useTranslate();
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
      <LoginForm>
        <TextInput autoFocus source="username" label={translate('ra.auth.username')} autoComplete="username" validate={required()} />
        <PasswordInput source="password" label={translate('ra.auth.password')} autoComplete="current-password" validate={required()} />
        <TextInput
          source="municipalityCode"
          label="app.login.municipality_code"
          defaultValue={rememberedMunicipalityCode()}
          placeholder={translate('app.login.municipality_code_placeholder')}
          helperText="app.login.municipality_code_help"
          validate={regex(/^[0-9０-９]{6}$/, 'app.login.municipality_code_invalid')}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6, autoComplete: 'off' } }}
        />
      </LoginForm>
    </Login>
  );
}
