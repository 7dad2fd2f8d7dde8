import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { MeasureInputs } from './MeasureInputs';
import { toMeasureBody } from './measureForm';

export function MeasureEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={toMeasureBody} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <MeasureInputs />
      </SimpleForm>
    </Edit>
  );
}
