import { Create, SimpleForm } from 'react-admin';
import { PaymentServiceInputs } from './PaymentServiceInputs';

export function PaymentServiceCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <PaymentServiceInputs />
      </SimpleForm>
    </Create>
  );
}
