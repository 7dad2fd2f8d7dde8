import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { MeasureInputs } from './MeasureInputs';
import { toMeasureBody } from './measureForm';

// Opened from a campaign's page, the campaign comes filled in (react-admin's location state).
export function MeasureCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" transform={toMeasureBody} mutationOptions={{ onError: notifyError }}>
      <SimpleForm defaultValues={{ kind: 'rate_with_cap', fundedBy: 'national', eligibility: 'anyone_with_card' }}>
        <MeasureInputs />
      </SimpleForm>
    </Create>
  );
}
