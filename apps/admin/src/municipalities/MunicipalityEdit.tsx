import { Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { withDistrictRows } from './districtRows';
import { MunicipalityInputs } from './MunicipalityInputs';
import { toApi } from './transform';

export function MunicipalityEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" queryOptions={{ select: withDistrictRows }} transform={toApi} mutationOptions={{ onError: notifyError }}>
      {/* Deleting is on the show page, where its refusal (a municipality in use) is read in context. */}
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <MunicipalityInputs mode="edit" />
      </SimpleForm>
    </Edit>
  );
}
