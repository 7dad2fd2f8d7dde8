import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { BenchmarkRateInputs } from './BenchmarkRateInputs';

export function BenchmarkRateCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="list" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <BenchmarkRateInputs />
      </SimpleForm>
    </Create>
  );
}
