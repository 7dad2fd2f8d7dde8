import { Box, CircularProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Shown while a page's code arrives (see lazyNamed): announced politely, named in words. */
export function PageLoading() {
  const translate = useTranslate();
  return (
    <Box role="status" data-testid="page-loading" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, p: 3 }}>
      {/* The words below name it: the spinner itself is not announced twice. */}
      <CircularProgress size={20} aria-hidden="true" />
      <Typography variant="body2" color="text.secondary">
        {translate('app.loading')}
      </Typography>
    </Box>
  );
}
