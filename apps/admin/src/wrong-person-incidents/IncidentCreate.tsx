import { Create, SimpleForm } from 'react-admin';
import { toJstDate } from '@mynapoint/domain';
import { withoutEmpty } from '../common/instants';
import { useNotifyServerError } from '../common/serverErrors';
import { IncidentInputs } from './IncidentInputs';

export function IncidentCreate() {
  const notifyError = useNotifyServerError();
  return (
    <Create redirect="show" transform={withoutEmpty(['terminalId', 'paymentServiceId', 'micReportedOn', 'micReportRef', 'operatorReply'])} mutationOptions={{ onError: notifyError }}>
      <SimpleForm defaultValues={() => ({ occurredOn: toJstDate(new Date()), cause: 'unknown', assistanceRecordIds: [], residentsContactStatus: 'not_contacted', operatorReplyStatus: 'not_asked' })}>
        <IncidentInputs />
      </SimpleForm>
    </Create>
  );
}
