import { Edit, SimpleForm } from 'react-admin';
import { CampaignInputs } from './CampaignInputs';

export function CampaignEdit() {
  return (
    <Edit redirect="show" mutationMode="pessimistic">
      <SimpleForm>
        <CampaignInputs />
      </SimpleForm>
    </Edit>
  );
}
