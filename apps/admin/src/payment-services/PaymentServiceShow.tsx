import { BooleanField, EditButton, Show, SimpleShowLayout, TextField, TopToolbar, UrlField, DeleteButton } from 'react-admin';
import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { NationalChip } from '../common/NationalChip';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

export function PaymentServiceShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <NationalChip />
        <TextField source="name" />
        <TextField source="nameKana" />
        <TextField source="operator" />
        <EnumField source="kind" enumDef={PAYMENT_SERVICE_KIND} />
        <EnumField source="status" enumDef={PAYMENT_SERVICE_STATUS} chip />
        <BooleanField source="preRegistrationRequired" />
        <JpDateField source="applicationsOpenOn" />
        <TextField source="awardTiming" emptyText="—" />
        <TextField source="pointExpiry" emptyText="—" />
        <UrlField source="url" emptyText="—" target="_blank" rel="noopener" />
        <TextField source="notes" emptyText="—" />
        <JpDateField source="updatedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
