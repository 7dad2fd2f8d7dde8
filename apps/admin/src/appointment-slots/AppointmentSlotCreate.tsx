import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { AppointmentSlotInputs } from './AppointmentSlotInputs';

export function AppointmentSlotCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" mutationOptions={{ onError: notifyError }}>
      <SimpleForm defaultValues={{ capacity: 3 }}>
        <AppointmentSlotInputs />
      </SimpleForm>
    </Create>
  );
}
