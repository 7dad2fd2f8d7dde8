import { Box, Button, CircularProgress, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import { useAuthenticated, useGetOne, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { useSettings } from '../common/settings';
import { useDocumentLang } from '../common/useDocumentLang';
import { NoticeFlyer, flyerDate } from './NoticeFlyer';

// The page around the flyer: grey desk, toolbar, and print settings.
const PAGE_CSS = `
.np-screen { background: #e8e8e8; min-height: 100vh; padding: 16px 0 32px; }
.np-toolbar { display: flex; gap: 8px; justify-content: center; margin-bottom: 16px; }
@page { size: A4 portrait; margin: 0; }
@media print {
  html, body { background: #fff !important; margin: 0; }
  .np-screen { background: none; padding: 0; min-height: 0; }
  .np-toolbar { display: none !important; }
  .np-sheet { box-shadow: none; margin: 0; page-break-after: avoid; break-after: avoid; }
  .np-band, .np-consult, .np-draft { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function NoticePrintPage() {
  useAuthenticated();
  useDocumentLang();
  const { id } = useParams();
  const translate = useTranslate();
  const navigate = useNavigate();
  const settings = useSettings();
  const { data: notice, isPending, error } = useGetOne('fraud-alerts', { id: Number(id) }, { enabled: /^\d+$/.test(id ?? '') });

  if (isPending && !error) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', mt: 8 }}>
        <CircularProgress />
      </Box>
    );
  }
  if (!notice || error) {
    return (
      <Box sx={{ textAlign: 'center', mt: 8 }}>
        <Typography>{translate('resources.fraud-alerts.print.notFound')}</Typography>
        <Button onClick={() => navigate('/')}>{translate('resources.fraud-alerts.print.back')}</Button>
      </Box>
    );
  }
  const date = flyerDate(notice);

  return (
    <div className="np-screen">
      <style>{PAGE_CSS}</style>
      <div className="np-toolbar">
        <Button variant="outlined" startIcon={<ArrowBackIcon />} onClick={() => navigate(-1)}>
          {translate('resources.fraud-alerts.print.back')}
        </Button>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          {translate('resources.fraud-alerts.print.print')}
        </Button>
      </div>
      <NoticeFlyer notice={notice} issuer={settings} date={date} />
    </div>
  );
}
