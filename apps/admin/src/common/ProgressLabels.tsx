import { ThemeProvider, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

// Every spinner and progress bar is named (WCAG 4.1.2): react-admin's loading
// indicators have no label of their own. Those with a label of their own keep it.
export function ProgressLabels({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  const label = translate('app.loading');
  return (
    <ThemeProvider
      theme={(outer: Theme) => ({
        ...outer,
        components: {
          ...outer.components,
          MuiCircularProgress: { defaultProps: { 'aria-label': label } },
          MuiLinearProgress: { defaultProps: { 'aria-label': label } },
        },
      })}
    >
      {children}
    </ThemeProvider>
  );
}
