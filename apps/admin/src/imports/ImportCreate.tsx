import { useRef, useState, type DragEvent } from 'react';
import { Alert, Box, Button, Card, CardContent, FormControl, FormControlLabel, FormHelperText, InputLabel, MenuItem, Radio, RadioGroup, Select, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Title, useCreatePath, useDataProvider, useGetList, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { IMPORT_TYPE, containsMyNumber, type ImportType } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import type { AppDataProvider } from '../dataProvider';
import { ImportFormat } from './ImportFormat';

interface ServiceOption {
  id: number;
  name: string;
  status: string;
}

// The upload page: what to import, from which payment service, which file. The job
// runs on the server; the page moves on to its progress as soon as it is accepted.
export function ImportCreate() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider<AppDataProvider>();
  const types = useEnumChoices(IMPORT_TYPE);
  // A list's own import button opens this page on its type (?type=population-figures).
  const [search] = useSearchParams();
  const asked = search.get('type');
  const [type, setType] = useState<ImportType>(IMPORT_TYPE.has(asked) ? asked : 'point-awards');
  const [serviceId, setServiceId] = useState<number | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { data: services = [] } = useGetList<ServiceOption>('payment-services', {
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'name', order: 'ASC' },
  });

  const needsService = type === 'point-awards';
  const ready = Boolean(file) && (!needsService || serviceId !== '') && !busy;

  const pick = (f: File | undefined | null) => {
    setError(null);
    if (!f) return;
    if (containsMyNumber(f.name)) {
      setError(translate('app.my_number_warning'));
      return;
    }
    setFile(f);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    pick(e.dataTransfer.files?.[0]);
  };

  const submit = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.append('type', type);
    if (needsService && serviceId !== '') form.append('paymentServiceId', String(serviceId));
    form.append('file', file, file.name);
    try {
      const job = await dataProvider.upload<{ id: number }>('imports', form);
      redirect(createPath({ resource: 'imports', type: 'show', id: job.id }));
    } catch (e) {
      const body = (e as { body?: { message?: string } }).body;
      setError(body?.message ?? (e as Error).message);
      notify(body?.message ?? 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1100 }}>
      <Title title={translate('resources.imports.create.title')} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Card sx={{ flex: 1, minWidth: { xs: 0, md: 360 }, alignSelf: { xs: 'stretch', md: 'auto' } }}>
          <CardContent>
            <Stack spacing={2.5}>
              <FormControl>
                <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
                  {translate('resources.imports.create.type')}
                </Typography>
                <RadioGroup value={type} onChange={(e) => setType(e.target.value as ImportType)} name="type">
                  {types.map((c) => (
                    <Box key={c.id} sx={{ mb: 0.5 }}>
                      <FormControlLabel value={c.id} control={<Radio />} label={c.name} />
                      <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{translate(`resources.imports.create.type_help.${c.id}`)}</FormHelperText>
                    </Box>
                  ))}
                </RadioGroup>
              </FormControl>

              {needsService && (
                <FormControl required>
                  <InputLabel id="import-service-label">{translate('resources.imports.create.payment_service')}</InputLabel>
                  <Select
                    labelId="import-service-label"
                    label={translate('resources.imports.create.payment_service')}
                    value={serviceId}
                    onChange={(e) => setServiceId(String(e.target.value) === '' ? '' : Number(e.target.value))}
                    inputProps={{ 'data-testid': 'import-service' }}
                  >
                    {services.map((s) => (
                      <MenuItem key={s.id} value={s.id}>
                        {s.name}
                      </MenuItem>
                    ))}
                  </Select>
                  <FormHelperText>{translate('resources.imports.create.payment_service_help')}</FormHelperText>
                </FormControl>
              )}

              <Box>
                <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
                  {translate('resources.imports.create.file')}
                </Typography>
                <Box
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={onDrop}
                  sx={{ border: '2px dashed', borderColor: file ? 'primary.main' : 'grey.400', borderRadius: 2, p: 2, textAlign: 'center', bgcolor: file ? 'primary.50' : 'transparent' }}
                >
                  <input ref={input} type="file" accept=".csv,.txt,text/csv" hidden data-testid="import-file" onChange={(e) => pick(e.target.files?.[0])} />
                  <Typography variant="body2" sx={{ mb: 1 }}>
                    {file ? `${file.name}${translate('app.punct.paren', { text: `${Math.ceil(file.size / 1024).toLocaleString('ja-JP')} KB` })}` : translate('resources.imports.create.drop')}
                  </Typography>
                  <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
                    {translate('resources.imports.action.choose_file')}
                  </Button>
                </Box>
                <FormHelperText>{translate('resources.imports.create.file_help')}</FormHelperText>
              </Box>

              {error && (
                <Alert severity="error" data-testid="import-error">
                  {error}
                </Alert>
              )}
              <Alert severity="info" variant="outlined">
                {translate('resources.imports.create.privacy')}
                <br />
                {translate('resources.imports.create.rerun')}
              </Alert>
              <Box>
                <Button variant="contained" size="large" disabled={!ready} onClick={submit} data-testid="import-submit">
                  {busy ? translate('resources.imports.create.uploading') : translate('resources.imports.action.upload')}
                </Button>
              </Box>
            </Stack>
          </CardContent>
        </Card>
        <Card sx={{ flex: 1.2, minWidth: { xs: 0, md: 360 }, alignSelf: { xs: 'stretch', md: 'auto' } }}>
          <CardContent>
            <ImportFormat type={type} />
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
}
