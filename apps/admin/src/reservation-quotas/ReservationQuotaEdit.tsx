import { useNotifyServerError } from '../common/serverErrors';
import { Edit, SimpleForm } from 'react-admin';
import { withoutEmpty } from '../common/instants';
import { ReservationQuotaInputs } from './ReservationQuotaInputs';

export function ReservationQuotaEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={withoutEmpty(['opensAt', 'closesAt'])} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <ReservationQuotaInputs />
      </SimpleForm>
    </Edit>
  );
}
