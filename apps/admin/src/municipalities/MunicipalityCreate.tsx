import { Create, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { MunicipalityInputs } from './MunicipalityInputs';
import { toApi } from './transform';

export function MunicipalityCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" transform={toApi} mutationOptions={{ onError: notifyError }}>
      <SimpleForm defaultValues={{ active: true, districtRows: [] }}>
        <MunicipalityInputs mode="create" />
      </SimpleForm>
    </Create>
  );
}
