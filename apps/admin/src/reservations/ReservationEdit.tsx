import { useNotifyServerError } from '../common/serverErrors';
import { Edit, ReferenceField, SimpleForm, TextField, Labeled, useTranslate } from 'react-admin';
import { Alert, Stack } from '@mui/material';
import { ReservationInputs } from './ReservationInputs';

export function ReservationEdit() {
  const notifyError = useNotifyServerError();
  const translate = useTranslate();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <Stack sx={{ width: '100%', maxWidth: 720 }}>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('resources.reservations.fixed')}
          </Alert>
          <Stack direction="row" sx={{ gap: 4, mb: 1 }}>
            <Labeled source="participantRef">
              <TextField source="participantRef" sx={{ fontFamily: 'monospace' }} />
            </Labeled>
            <Labeled source="quotaId">
              <ReferenceField source="quotaId" reference="reservation-quotas" link={false} />
            </Labeled>
          </Stack>
          <ReservationInputs editing />
        </Stack>
      </SimpleForm>
    </Edit>
  );
}
