import { Edit, SimpleForm } from 'react-admin';
import { useNotifyServerError } from '../common/serverErrors';
import { IncidentInputs } from './IncidentInputs';

const emptyToNull = (data: Record<string, unknown>) => {
  const out: Record<string, unknown> = { ...data };
  for (const f of ['terminalId', 'paymentServiceId', 'micReportedOn', 'micReportRef', 'operatorReply']) if (out[f] === '' || out[f] === undefined) out[f] = null;
  return out;
};

export function IncidentEdit() {
  const notifyError = useNotifyServerError();
  return (
    <Edit redirect="show" mutationMode="pessimistic" transform={emptyToNull} mutationOptions={{ onError: notifyError }}>
      <SimpleForm>
        <IncidentInputs />
      </SimpleForm>
    </Edit>
  );
}
