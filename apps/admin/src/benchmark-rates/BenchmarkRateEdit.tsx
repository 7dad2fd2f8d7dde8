import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { BenchmarkRateInputs } from './BenchmarkRateInputs';

export function BenchmarkRateEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="list" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <BenchmarkRateInputs />
      </SimpleForm>
    </Edit>
  );
}
