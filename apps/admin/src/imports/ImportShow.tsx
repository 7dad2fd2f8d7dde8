import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TablePagination, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { Loading, Title, useCreatePath, useDataProvider, useGetOne, useNotify, useTranslate } from 'react-admin';
import { IMPORT_TYPE, formatJapaneseEraDate, toJstDate, type ImportStatus, type ImportType } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import type { AppDataProvider } from '../dataProvider';
import { importProgress, type ImportPhase } from './importProgress';
import { ImportStatusChip } from './ImportStatusChip';

interface ImportRecord {
  id: number;
  type: ImportType;
  status: ImportStatus;
  phase: ImportPhase | null;
  paymentServiceId: number | null;
  filename: string | null;
  encoding: string | null;
  rowsTotal: number;
  rowsDone: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  message: string | null;
  createdByName: string | null;
  createdAt: string;
  errors: Array<{ line: number; message: string }>;
}

const ERRORS_SHOWN = 1000;
const n = (v: number) => v.toLocaleString('ja-JP');

function Count({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Box sx={{ flex: 1, minWidth: 120, p: 1.5, borderRadius: 1, bgcolor: 'grey.50', border: 1, borderColor: 'grey.200' }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" sx={{ fontWeight: 700, color }} data-testid={testId}>
        {n(value)}
      </Typography>
    </Box>
  );
}

// One import job: a live progress bar (the page polls while the job runs), the
// counts, and the rows that were refused with why, downloadable as CSV.
export function ImportShow() {
  const { id } = useParams();
  const translate = useTranslate();
  const lang = useLang();
  const notify = useNotify();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [page, setPage] = useState(0);
  const { data, isPending } = useGetOne<ImportRecord>(
    'imports',
    { id: Number(id) },
    { refetchInterval: (q) => (q.state.data && importProgress(q.state.data).active ? 1000 : false) },
  );
  const { data: service } = useGetOne<{ id: number; name: string }>('payment-services', { id: data?.paymentServiceId ?? 0 }, { enabled: Boolean(data?.paymentServiceId) });
  // A finished import changes the dashboard's figures: the next visit asks again.
  const queryClient = useQueryClient();
  const done = data?.status === 'done';
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  }, [done, queryClient]);
  if (isPending || !data) return <Loading />;

  const progress = importProgress(data);
  const label = translate(`resources.imports.show.step.${progress.step}`);
  const sep = translate('app.punct.sep');
  const download = async () => {
    try {
      const blob = await dataProvider.download(`imports/${data.id}/errors.csv`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `import-${data.id}-errors.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      notify('ra.notification.http_error', { type: 'error' });
    }
  };
  const shown = data.errors.slice(page * 50, page * 50 + 50);

  return (
    <Box sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title={translate('resources.imports.show.title', { id: data.id })} />
      <Stack spacing={2}>
        <Card>
          <CardContent>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
              <Typography variant="h6">{data.filename}</Typography>
              <ImportStatusChip status={data.status} />
              <Typography variant="body2" color="text.secondary">
                {IMPORT_TYPE.label(data.type, lang)}
                {service ? `${sep}${service.name}` : ''}
                {data.encoding ? `${sep}${data.encoding.toUpperCase()}` : ''}
                {`${sep}${lang === 'ja' ? formatJapaneseEraDate(toJstDate(new Date(data.createdAt))) : toJstDate(new Date(data.createdAt))}`}
                {data.createdByName ? `${sep}${data.createdByName}` : ''}
              </Typography>
            </Stack>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              {/* A live region with the step only: screen readers announce each step (reading,
                  done, failed) once, not every row count of the polling. */}
              <span role="status" data-testid="import-status">
                {translate('resources.imports.show.progress')}: {label}
              </span>
              {progress.step === 'reading' && data.rowsTotal > 0 ? translate('app.punct.paren', { text: translate('resources.imports.show.rows', { done: n(data.rowsDone), total: n(data.rowsTotal) }) }) : ''}
            </Typography>
            <LinearProgress
              aria-label={translate('resources.imports.show.progress')}
              variant="determinate"
              value={progress.percent}
              color={data.status === 'failed' ? 'error' : data.status === 'done' ? 'success' : 'primary'}
              sx={{ height: 12, borderRadius: 6, my: 1 }}
              aria-valuetext={label}
              data-testid="import-progress"
            />
            {data.status === 'failed' && data.message && (
              <Alert severity="error" sx={{ mt: 1 }} data-testid="import-message">
                {data.message}
              </Alert>
            )}
            <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
              {translate('resources.imports.show.counts')}
            </Typography>
            {data.status === 'done' ? (
              <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', rowGap: 1.5 }}>
                <Count label={translate('resources.imports.fields.rowsTotal')} value={data.rowsTotal} testId="count-total" />
                <Count label={translate('resources.imports.fields.accepted')} value={data.accepted} color="success.main" testId="count-accepted" />
                <Count label={translate('resources.imports.fields.duplicates')} value={data.duplicates} testId="count-duplicates" />
                <Count label={translate('resources.imports.fields.rejected')} value={data.rejected} color={data.rejected ? 'error.main' : undefined} testId="count-rejected" />
              </Stack>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {translate(progress.active ? 'resources.imports.show.counts_pending' : 'resources.imports.show.counts_failed')}
              </Typography>
            )}
          </CardContent>
        </Card>

        {data.status === 'done' && (
          <Card>
            <CardContent>
              <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
                <Typography variant="h6">{translate('resources.imports.show.errors')}</Typography>
                {data.rejected > 0 && (
                  <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download} data-testid="import-errors-csv">
                    {translate('resources.imports.action.download_errors')}
                  </Button>
                )}
              </Stack>
              {data.rejected === 0 ? (
                <Alert severity="success">{translate('resources.imports.show.no_errors')}</Alert>
              ) : (
                <>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {translate('resources.imports.show.errors_help')}
                    {data.rejected > ERRORS_SHOWN ? ` ${translate('resources.imports.show.errors_truncated', { shown: n(ERRORS_SHOWN), total: n(data.rejected) })}` : ''}
                  </Typography>
                  <Table size="small" data-testid="import-errors">
                    <TableHead>
                      <TableRow>
                        <TableCell sx={{ width: 80 }}>{translate('resources.imports.show.line')}</TableCell>
                        <TableCell>{translate('resources.imports.show.message')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {shown.map((e) => (
                        <TableRow key={e.line}>
                          <TableCell>{n(e.line)}</TableCell>
                          <TableCell>{e.message}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                  {data.errors.length > 50 && (
                    <TablePagination component="div" count={data.errors.length} page={page} onPageChange={(_e, p) => setPage(p)} rowsPerPage={50} rowsPerPageOptions={[50]} />
                  )}
                </>
              )}
            </CardContent>
          </Card>
        )}
        <Box>
          <Button component={RouterLink} to={createPath({ resource: 'imports', type: 'create' })} variant="text">
            {translate('resources.imports.action.again')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
