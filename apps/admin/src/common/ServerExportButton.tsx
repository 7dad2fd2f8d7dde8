import DownloadIcon from '@mui/icons-material/GetApp';
import { Button as MuiButton, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useListContext, useLocaleState, useNotify, useResourceContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// Export of the whole filtered list, streamed by the server (not the loaded page).
// The server hands out a 60-second download ticket so the browser saves the file
// natively, whatever its size.
export function ServerExportButton() {
  const resource = useResourceContext()!;
  const { filterValues, sort, total } = useListContext();
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  const download = async (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    setBusy(true);
    try {
      const params = new URLSearchParams({ format, lang: locale === 'en' ? 'en' : 'ja', filter: JSON.stringify(filterValues ?? {}) });
      if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
      const { url } = await dataProvider.postJson<{ url: string }>(`exports/${resource}/ticket?${params}`);
      const a = document.createElement('a');
      a.href = url;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      notify('app.export.started', { type: 'info', messageArgs: { count: total ?? 0 } });
    } catch (e) {
      notify((e as Error).message || 'app.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <MuiButton size="small" startIcon={<DownloadIcon />} onClick={(e) => setAnchor(e.currentTarget)} disabled={busy || total === 0} aria-haspopup="menu">
        {translate('app.export.button')}
      </MuiButton>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void download('csv')}>
          <ListItemText primary={translate('app.export.csv')} secondary={translate('app.export.csv_hint')} />
        </MenuItem>
        <MenuItem onClick={() => void download('xlsx')}>
          <ListItemText primary={translate('app.export.xlsx')} />
        </MenuItem>
      </Menu>
    </>
  );
}
