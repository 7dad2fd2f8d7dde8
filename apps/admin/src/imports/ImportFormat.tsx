import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useTranslate } from 'react-admin';
import { IMPORT_COLUMNS, sampleCsv, type ImportType } from '@mynapoint/domain';
import { useLang } from '../common/enums';

/** The CSV format of an import type: its columns and a sample to start from. */
export function ImportFormat({ type }: { type: ImportType }) {
  const translate = useTranslate();
  const lang = useLang();
  const sample = sampleCsv(type);
  const downloadSample = () => {
    // With a BOM, so Excel opens the Japanese text correctly.
    const url = URL.createObjectURL(new Blob(['\ufeff' + sample], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `sample-${type}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    // Code samples hold Japanese (地区 水原): the monospace font falls back to the bundled Noto Sans JP, not to empty boxes.
    <Box data-testid="import-format" sx={{ '& code, & pre': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace, "Noto Sans JP"' } }}>
      <Typography variant="subtitle1" id="import-format-title" sx={{ fontWeight: 700, mb: 1 }}>
        {translate('resources.imports.create.format')}
      </Typography>
      {/* Scrolls inside the card when narrow (200 % zoom); focusable to scroll by keyboard. */}
      <Box sx={{ overflowX: 'auto', mb: 2 }} role="region" aria-labelledby="import-format-title" tabIndex={0}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.imports.create.column')}</TableCell>
            <TableCell />
            <TableCell>{translate('resources.imports.create.accepted')}</TableCell>
            <TableCell>{translate('resources.imports.create.example')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {IMPORT_COLUMNS[type].map((c) => (
            <TableRow key={c.key}>
              <TableCell>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {c.label[lang]}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="code">
                  {c.key}
                </Typography>
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant={c.required ? 'filled' : 'outlined'}
                  color={c.required ? 'primary' : 'default'}
                  label={translate(c.required ? 'resources.imports.create.required' : 'resources.imports.create.optional')}
                />
              </TableCell>
              <TableCell>
                <Typography variant="body2">{c.hint[lang]}</Typography>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <code>{c.example || '—'}</code>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate('resources.imports.create.sample')}
      </Typography>
      <Box component="pre" sx={{ bgcolor: 'grey.100', p: 1.5, borderRadius: 1, fontSize: 13, overflowX: 'auto', mt: 0.5 }} data-testid="import-sample">
        {sample}
      </Box>
      <Button size="small" startIcon={<DownloadIcon />} onClick={downloadSample}>
        {translate('resources.imports.action.download_sample')}
      </Button>
    </Box>
  );
}
