import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { AppointmentInputs, partySizeToNumber } from './AppointmentInputs';

export function AppointmentCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" transform={partySizeToNumber} mutationOptions={{ onError: notifyError }}>
      <SimpleForm defaultValues={{ partySize: '1', purpose: [] }}>
        <AppointmentInputs />
      </SimpleForm>
    </Create>
  );
}
