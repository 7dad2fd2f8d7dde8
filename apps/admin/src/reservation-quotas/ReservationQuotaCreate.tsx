import { useNotifyServerError } from '../common/serverErrors';
import { Create, SimpleForm } from 'react-admin';
import { withoutEmpty } from '../common/instants';
import { ReservationQuotaInputs } from './ReservationQuotaInputs';

export function ReservationQuotaCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" transform={withoutEmpty(['opensAt', 'closesAt'])} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <ReservationQuotaInputs />
      </SimpleForm>
    </Create>
  );
}
