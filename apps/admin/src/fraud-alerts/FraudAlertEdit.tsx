import { Edit, SimpleForm } from 'react-admin';
import { FraudAlertInputs } from './FraudAlertInputs';

export function FraudAlertEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic">
      <SimpleForm>
        <FraudAlertInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
}
