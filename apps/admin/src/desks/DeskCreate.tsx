import { Create, SimpleForm } from 'react-admin';
import { withoutEmpty } from '../common/instants';
import { useNotifyServerError } from '../common/serverErrors';
import { DeskInputs } from './DeskInputs';

export function DeskCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" transform={withoutEmpty(['opensOn', 'closesOn', 'place'])} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <DeskInputs />
      </SimpleForm>
    </Create>
  );
}
