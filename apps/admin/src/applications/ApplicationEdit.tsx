import { useNotifyServerError } from '../common/serverErrors';
import { Edit, Labeled, ReferenceField, SimpleForm, TextField, useTranslate } from 'react-admin';
import { Alert, Stack } from '@mui/material';
import { ApplicationInputs } from './ApplicationInputs';

export function ApplicationEdit() {
  const notifyError = useNotifyServerError();
  const translate = useTranslate();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <Stack sx={{ width: '100%', maxWidth: 720 }}>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('resources.applications.fixed')}
          </Alert>
          <Stack direction="row" sx={{ gap: 4, mb: 1 }}>
            <Labeled source="participantRef">
              <TextField source="participantRef" sx={{ fontFamily: 'monospace' }} />
            </Labeled>
            <Labeled source="paymentServiceId">
              <ReferenceField source="paymentServiceId" reference="payment-services" link={false} />
            </Labeled>
          </Stack>
          <ApplicationInputs editing />
        </Stack>
      </SimpleForm>
    </Edit>
  );
}
