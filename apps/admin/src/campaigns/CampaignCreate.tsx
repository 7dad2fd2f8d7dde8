import { useNotifyServerError } from '../common/serverErrors';
import { Create, SimpleForm } from 'react-admin';
import { CampaignInputs } from './CampaignInputs';

// Round 1's dates as the starting point: later rounds change them.
const ROUND1_DEFAULTS = {
  reservationOpensOn: '2020-07-01',
  reservationClosesOn: '2021-03-31',
  applicationOpensOn: '2020-07-01',
  applicationClosesOn: '2021-03-31',
  earningStartsOn: '2020-09-01',
  earningEndsOn: '2021-03-31',
};

export function CampaignCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" mutationOptions={{ onError: notifyError }}>
      <SimpleForm defaultValues={ROUND1_DEFAULTS}>
        <CampaignInputs />
      </SimpleForm>
    </Create>
  );
}
