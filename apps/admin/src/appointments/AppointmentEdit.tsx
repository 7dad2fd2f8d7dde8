import { Alert } from '@mui/material';
import { Edit, SimpleForm, useTranslate } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { AppointmentInputs, partySizeToNumber } from './AppointmentInputs';

// Only the fields staff may change: another slot (moved atomically by the API), the
// party, purpose and contact. Status changes are the show page's buttons.
const body = (data: Record<string, unknown>) => {
  const { slotId, residentName, phone, purpose, partySize, notes } = partySizeToNumber(data);
  return { slotId, residentName, phone: phone || null, purpose, partySize, notes: notes || null };
};

function MoveHint() {
  const translate = useTranslate();
  return (
    <Alert severity="info" sx={{ mb: 2, maxWidth: 760 }}>
      {translate('resources.appointments.move_hint')}
    </Alert>
  );
}

export function AppointmentEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={body} queryOptions={{ select: (r) => ({ ...r, partySize: String(r.partySize) }) }} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <MoveHint />
        <AppointmentInputs />
      </SimpleForm>
    </Edit>
  );
}
