import type { KeyboardEvent } from 'react';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

// One focus ring for everything that takes focus from the keyboard: a dark ring with a
// white halo, so it shows on white cards, grey toolbars and the blue header alike
// (JIS X 8341-3 / WCAG 2.4.7). Text fields keep MUI's own focused underline.
const FOCUS_RING = { outline: '3px solid #1a1a1a', outlineOffset: '2px', boxShadow: '0 0 0 2px #fff' };

// Calm civic blue; the font stack prefers the Japanese UI fonts staff PCs have.
// Status colours are darkened from MUI's so text in them reaches 4.5:1 on white and on
// the grey form toolbar (MUI's error red is 3.8:1 there, its warning orange 3.1:1 on white).
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    // White or black text on a coloured chip or button is chosen for 4.5:1, not MUI's 3:1.
    contrastThreshold: 4.5,
    primary: { main: '#0d47a1' },
    secondary: { main: '#1565c0' },
    error: { main: '#b71c1c' },
    warning: { main: '#a14700' },
    success: { main: '#1b5e20' },
    info: { main: '#01579b' },
  },
  typography: {
    fontFamily: '"Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", Meiryo, "Segoe UI", sans-serif',
  },
  sidebar: { width: 240, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    MuiCssBaseline: {
      styleOverrides: {
        'a:focus-visible, button:focus-visible, [role="button"]:focus-visible, [role="tab"]:focus-visible, [role="menuitem"]:focus-visible, [role="option"]:focus-visible, [role="gridcell"]:focus-visible, [role="radio"]:focus-visible, [tabindex]:not(input):focus-visible, .Mui-focusVisible':
          FOCUS_RING,
        // Menu items and list rows sit edge to edge: the ring goes inside them.
        '.MuiMenuItem-root.Mui-focusVisible, .MuiListItemButton-root.Mui-focusVisible, .MuiMenuItem-root:focus-visible, .RaDataTable-row:focus-visible': {
          ...FOCUS_RING,
          outlineOffset: '-3px',
          boxShadow: 'none',
        },
      },
    },
    // Upper-casing does nothing for Japanese and mangles English names (EXCEL).
    MuiButton: { styleOverrides: { root: { textTransform: 'none', whiteSpace: 'nowrap' } } },
    // A list row that opens its record on click opens it with Enter too: every row is a
    // Tab stop (react-admin's rows answer the mouse only).
    RaDataTableRow: {
      defaultProps: {
        tabIndex: 0,
        onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
          if (e.key === 'Enter' && e.target === e.currentTarget && e.currentTarget.classList.contains('RaDataTable-clickableRow')) e.currentTarget.click();
        },
      },
    },
    // Wide lists scroll inside their card at 200 % zoom or 1280 px, not the whole page
    // (WCAG 1.4.10 allows a data table to scroll on its own).
    RaDataTable: { styleOverrides: { root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } } } },
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 } } } },
    // react-admin sizes the page to its widest content (min-width: fit-content).
    RaLayout: { styleOverrides: { root: { minWidth: 0, '& .RaLayout-content, & .RaLayout-content > *': { minWidth: 0 } } } },
    // Filters and action buttons wrap onto a second line instead of widening the page.
    RaListToolbar: { styleOverrides: { root: { flexWrap: 'wrap' } } },
    RaTopToolbar: { styleOverrides: { root: { flexWrap: 'wrap' } } },
    // react-admin draws its not-found, access-denied and error pages at half opacity:
    // grey text of 2:1 to 3:1.
    RaNotFound: { styleOverrides: { root: { '& .RaNotFound-message': { opacity: 1, color: '#424242' } } } },
    RaAccessDenied: { styleOverrides: { root: { '& .RaAccessDenied-message': { opacity: 1, color: '#424242' } } } },
    RaAuthenticationError: { styleOverrides: { root: { '& .RaAuthenticationError-message': { opacity: 1, color: '#424242' } } } },
    RaError: { styleOverrides: { root: { opacity: 1, color: '#424242' } } },
    // react-admin's "skip to content" link is white on the near-white page by default.
    RaSkipNavigationButton: { styleOverrides: { root: { backgroundColor: '#0d47a1', color: '#fff', '&:hover': { backgroundColor: '#0d47a1', opacity: 1 } } } },
  },
};
