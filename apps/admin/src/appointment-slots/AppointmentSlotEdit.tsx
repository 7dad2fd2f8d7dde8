import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { AppointmentSlotInputs } from './AppointmentSlotInputs';

// One slot at a time: its times and seats (never below the seats already booked: the API says 409).
export function AppointmentSlotEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <AppointmentSlotInputs edit />
      </SimpleForm>
    </Edit>
  );
}
