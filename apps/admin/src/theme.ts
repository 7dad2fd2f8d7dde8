import { defaultTheme, type RaThemeOptions } from 'react-admin';

// Calm civic blue; the font stack prefers the Japanese UI fonts staff PCs have.
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#0d47a1' }, secondary: { main: '#1565c0' } },
  typography: {
    fontFamily: '"Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", Meiryo, "Segoe UI", sans-serif',
  },
  sidebar: { width: 240, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    // Upper-casing does nothing for Japanese and mangles English names (EXCEL).
    MuiButton: { styleOverrides: { root: { textTransform: 'none', whiteSpace: 'nowrap' } } },
  },
};
