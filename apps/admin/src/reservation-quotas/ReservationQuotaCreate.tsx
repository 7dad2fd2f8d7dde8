import { Create, SimpleForm } from 'react-admin';
import { withoutEmpty } from '../common/instants';
import { ReservationQuotaInputs } from './ReservationQuotaInputs';

export function ReservationQuotaCreate() {
  return (
    <Create redirect="show" transform={withoutEmpty(['opensAt', 'closesAt'])}>
      <SimpleForm>
        <ReservationQuotaInputs />
      </SimpleForm>
    </Create>
  );
}
