import { Box, Link as MuiLink, Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useDocumentLang } from '../common/useDocumentLang';

// The login page says what system this is and whose: staff share terminals.
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
          {translate('app.city')}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate('app.login.hint')}
        </Typography>
      </Box>
      <LoginForm />
      <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
        <MuiLink component={Link} to="/accessibility" variant="body2">
          {translate('resources.accessibility.name')}
        </MuiLink>
      </Box>
    </Login>
  );
}
