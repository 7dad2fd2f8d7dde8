import { Alert, Box, CircularProgress } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Edit, SimpleForm, Title, useCanAccess, useGetList, useNotify, useTranslate } from 'react-admin';
import { SETTINGS_QUERY_KEY } from '../common/settings';
import { useNotifyServerError } from '../common/serverErrors';
import { withDistrictRows } from './districtRows';
import { MunicipalityInputs } from './MunicipalityInputs';
import { toApi } from './transform';

// 自治体の設定: a municipality's admin edits its own row. Row-level security lists only
// that row, so the page needs no id of its own.
export function MunicipalitySettings() {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyServerError();
  const queryClient = useQueryClient();
  const { canAccess } = useCanAccess({ resource: 'municipalities', action: 'edit' });
  const { data, isPending } = useGetList('municipalities', { pagination: { page: 1, perPage: 1 }, sort: { field: 'code', order: 'ASC' } }, { enabled: canAccess === true });
  const own = data?.[0];
  if (!canAccess) return null;
  if (isPending || !own) {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', mt: 8 }}>
        <Title title={translate('resources.municipalities.settings')} />
        {isPending && <CircularProgress aria-label={translate('app.loading')} />}
      </Box>
    );
  }
  return (
    <Edit
      resource="municipalities"
      id={own.id}
      title={translate('resources.municipalities.settings')}
      actions={false}
      redirect={false}
      mutationMode="pessimistic"
      queryOptions={{ select: withDistrictRows }}
      transform={toApi}
      mutationOptions={{
        onSuccess: () => {
          notify('resources.municipalities.settings_saved', { type: 'success' });
          // The header, district suggestions and notices read the settings.
          void queryClient.invalidateQueries({ queryKey: SETTINGS_QUERY_KEY });
        },
        onError: notifyError,
      }}
    >
      <SimpleForm>
        <Alert severity="info" sx={{ mb: 1, width: '100%', maxWidth: 640, boxSizing: 'border-box' }}>
          {translate('resources.municipalities.settings_intro')}
        </Alert>
        <MunicipalityInputs mode="own" />
      </SimpleForm>
    </Edit>
  );
}
