import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { formatJapaneseEraMonth, toJstDate } from '@mynapoint/domain';
import { JpMonthPicker } from '../common/JpDateInputs';
import type { AppDataProvider } from '../dataProvider';

const T = 'resources.reports';
// As wide as the label, never narrower; the row wraps when there is no room.
const BUTTON = { flexShrink: 0, whiteSpace: 'nowrap' } as const;

/** The month before this one (JST): what a monthly report is usually made for. */
export function previousMonth(now = new Date()): string {
  const today = toJstDate(now);
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function ReportsPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [month, setMonth] = useState(previousMonth());
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const busy = progress !== undefined;
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const { canAccess, isPending } = useCanAccess({ resource: 'reports', action: 'show' });
  if (isPending) return null;
  if (!canAccess) return <Alert severity="warning" sx={{ mt: 2 }}>{translate('ra.page.not_found')}</Alert>;

  const download = async (format: 'pdf' | 'xlsx') => {
    setError(null);
    try {
      const name = await dataProvider.downloadFile(`reports/monthly?month=${month}&format=${format}`, setProgress);
      notify(translate(`${T}.done`, { name }), { type: 'success' });
    } catch (e) {
      setError(translate(`${T}.failed`, { message: (e as Error).message }));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={translate(`${T}.title`)} />
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(`${T}.title`)}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {translate(`${T}.intro`)}
        </Typography>
        {/* Wraps instead of squeezing: a shrunk button clipped its label and the next one's icon overlapped it. */}
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
          <JpMonthPicker
            label={translate(`${T}.month`)}
            value={month}
            onChange={setMonth}
            testId="report-month"
            min="2020-01"
            helperText={valid ? translate(`${T}.era`, { era: formatJapaneseEraMonth(`${month}-01`) }) : ' '}
            size="medium"
            sx={{ width: 240, maxWidth: '100%' }}
          />
          <Button variant="contained" startIcon={<DescriptionIcon />} disabled={!valid || busy} onClick={() => void download('pdf')} sx={BUTTON}>
            {translate(`${T}.pdf`)}
          </Button>
          <Button variant="outlined" startIcon={<GridOnIcon />} disabled={!valid || busy} onClick={() => void download('xlsx')} sx={BUTTON}>
            {translate(`${T}.xlsx`)}
          </Button>
        </Stack>
        {busy ? (
          <Box sx={{ mt: 3 }} role="status" aria-live="polite">
            <Typography variant="body2" sx={{ mb: 1 }}>
              {progress === null ? translate(`${T}.preparing`) : translate(`${T}.downloading`, { percent: Math.round((progress ?? 0) * 100) })}
            </Typography>
            <LinearProgress variant={progress === null ? 'indeterminate' : 'determinate'} value={(progress ?? 0) * 100} />
          </Box>
        ) : null}
        {error ? (
          <Alert severity="error" sx={{ mt: 3 }}>
            {error}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
