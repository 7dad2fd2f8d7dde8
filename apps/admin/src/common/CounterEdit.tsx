import type { ReactNode } from 'react';
import { Edit, Labeled, ReferenceField, SimpleForm, TextField, useResourceContext, useTranslate } from 'react-admin';
import { Alert, Stack } from '@mui/material';
import { useNotifyServerError } from './serverErrors';

// The edit page of a counter record (reservation, application): the participant and
// the record it was made on (`fixed`: a quota, a payment service) are shown, not
// editable; the alert (resources.<resource>.fixed) says how to change them.
export function CounterEdit({ fixed, children }: { fixed: { source: string; reference: string }; children: ReactNode }) {
  const resource = useResourceContext();
  const notifyError = useNotifyServerError();
  const translate = useTranslate();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <Stack sx={{ width: '100%', maxWidth: 720 }}>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate(`resources.${resource}.fixed`)}
          </Alert>
          <Stack direction="row" sx={{ gap: 4, mb: 1 }}>
            <Labeled source="participantRef">
              <TextField source="participantRef" sx={{ fontFamily: 'monospace' }} />
            </Labeled>
            <Labeled source={fixed.source}>
              <ReferenceField source={fixed.source} reference={fixed.reference} link={false} />
            </Labeled>
          </Stack>
          {children}
        </Stack>
      </SimpleForm>
    </Edit>
  );
}
