import { useNotifyServerError } from '../common/serverErrors';
import { Edit, SimpleForm } from 'react-admin';
import { CampaignInputs } from './CampaignInputs';

export function CampaignEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <CampaignInputs />
      </SimpleForm>
    </Edit>
  );
}
