import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { TargetInputs } from './TargetInputs';

export function TargetCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="list" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <TargetInputs />
      </SimpleForm>
    </Create>
  );
}
