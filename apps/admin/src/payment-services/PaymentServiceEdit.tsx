import { Edit, SimpleForm } from 'react-admin';
import { PaymentServiceInputs } from './PaymentServiceInputs';

export function PaymentServiceEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic">
      <SimpleForm>
        <PaymentServiceInputs />
      </SimpleForm>
    </Edit>
  );
}
