import { Edit, SimpleForm } from 'react-admin';
import { withoutEmpty } from '../common/instants';
import { ReservationQuotaInputs } from './ReservationQuotaInputs';

export function ReservationQuotaEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={withoutEmpty(['opensAt', 'closesAt'])}>
      <SimpleForm>
        <ReservationQuotaInputs />
      </SimpleForm>
    </Edit>
  );
}
