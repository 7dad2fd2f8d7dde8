import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

// A municipality's admin takes all of its data out: every table as CSV in one ZIP
// (GET /api/municipalities/:id/export). As for list exports, the server hands out a
// 60-second ticket so the browser saves the file natively, whatever its size.
// For the municipality's settings page (its record in context).
export function ExportDataButton() {
  const record = useRecordContext<{ id: number }>();
  const { canAccess } = useCanAccess({ resource: 'municipalities', action: 'export', record });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;

  const download = async () => {
    setBusy(true);
    try {
      const { url } = await dataProvider.postJson<{ url: string }>(`municipalities/${record.id}/export/ticket`);
      const a = document.createElement('a');
      a.href = url;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      notify('app.municipality_data.export_started', { type: 'info' });
    } catch (e) {
      notify((e as Error).message || 'app.municipality_data.export_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tooltip title={translate('app.municipality_data.export_hint')}>
      <span>
        <Button size="small" variant="outlined" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={busy}>
          {translate('app.municipality_data.export')}
        </Button>
      </span>
    </Tooltip>
  );
}
