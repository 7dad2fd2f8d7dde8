import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { TargetInputs } from './TargetInputs';

export function TargetEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="list" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <TargetInputs />
      </SimpleForm>
    </Edit>
  );
}
