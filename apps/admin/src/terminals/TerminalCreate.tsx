import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { TerminalInputs } from './TerminalInputs';

export function TerminalCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <TerminalInputs />
      </SimpleForm>
    </Create>
  );
}
