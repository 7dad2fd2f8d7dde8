import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { DeskInputs } from './DeskInputs';

// Empty dates are sent as null: a pop-up desk's dates can be taken away again.
const emptyToNull = (data: Record<string, unknown>) => ({ ...data, opensOn: data.opensOn || null, closesOn: data.closesOn || null, place: data.place || null });

export function DeskEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={emptyToNull} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <DeskInputs />
      </SimpleForm>
    </Edit>
  );
}
