import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { TerminalInputs } from './TerminalInputs';

export function TerminalEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <TerminalInputs />
      </SimpleForm>
    </Edit>
  );
}
