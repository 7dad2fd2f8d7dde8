import { Box, Container, Link as MuiLink, Paper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useDocumentLang } from '../common/useDocumentLang';
import { readSession } from '../session';

const T = 'resources.accessibility';
const SECTIONS = ['policy', 'standard', 'features', 'testing', 'exceptions', 'contact'] as const;

// The accessibility statement: outside the layout, so it opens signed out too (from
// the login page) as well as from the menu.
export function AccessibilityPage() {
  const translate = useTranslate();
  useDocumentLang();
  const signedIn = Boolean(readSession());
  // Polyglot flattens a list of texts to keys items.0, items.1, …
  const items = (section: string): string[] => {
    const out: string[] = [];
    for (let i = 0; ; i++) {
      const text = translate(`${T}.sections.${section}.items.${i}`, { _: '' });
      if (!text) return out;
      out.push(text);
    }
  };
  const back = (
    <MuiLink component={Link} to={signedIn ? '/' : '/login'}>
      {translate(signedIn ? `${T}.back_admin` : `${T}.back_login`)}
    </MuiLink>
  );
  return (
    <Box sx={{ bgcolor: '#f5f7fa', minHeight: '100vh' }}>
      <Box component="header" sx={{ bgcolor: 'primary.main', color: '#fff', px: 3, py: 1.5 }}>
        <Typography component="p" sx={{ fontWeight: 700 }}>
          {translate('app.title')}
        </Typography>
      </Box>
      <Container component="main" id="main-content" maxWidth="md" sx={{ py: 3 }}>
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 2 }}>
            {translate(`${T}.title`)}
          </Typography>
          {SECTIONS.map((s) => (
            <Box component="section" key={s} aria-labelledby={`a11y-${s}`} sx={{ mb: 3 }}>
              <Typography variant="h6" component="h2" id={`a11y-${s}`} sx={{ fontWeight: 700, mb: 1 }}>
                {translate(`${T}.sections.${s}.heading`)}
              </Typography>
              {items(s).length ? (
                <Box component="ul" sx={{ m: 0, pl: 3, '& li': { mb: 0.75, lineHeight: 1.7 } }}>
                  {items(s).map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </Box>
              ) : (
                <Typography sx={{ lineHeight: 1.7 }}>{translate(`${T}.sections.${s}.body`)}</Typography>
              )}
            </Box>
          ))}
        </Paper>
      </Container>
      <Box component="footer" sx={{ px: 3, pb: 3, textAlign: 'center' }}>
        {back}
      </Box>
    </Box>
  );
}
