import { Create, SimpleForm } from 'react-admin';
import { FraudAlertInputs } from './FraudAlertInputs';

export function FraudAlertCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={() => ({ reportedAt: new Date(), requestedItems: [], damageYen: 0 })}>
        <FraudAlertInputs mode="create" />
      </SimpleForm>
    </Create>
  );
}
