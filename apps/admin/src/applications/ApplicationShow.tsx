import { BooleanField, EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { CHANNEL } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { DeleteWithReasonButton } from './DeleteWithReasonButton';
import { ReapplicationChip } from './ReapplicationChip';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteWithReasonButton />
    </TopToolbar>
  );
}

export function ApplicationShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="participantRef" sx={{ fontFamily: 'monospace', fontSize: '1.1rem' }} />
        <ReferenceField source="campaignId" reference="campaigns" link="show" />
        <ReferenceField source="measureId" reference="measures" link="show" emptyText="—" />
        <ReferenceField source="paymentServiceId" reference="payment-services" link="show" />
        <JpDateField source="appliedAt" showTime />
        <EnumField source="channel" enumDef={CHANNEL} chip />
        <BooleanField source="preRegistered" />
        <ReapplicationChip source="reapplication" />
        <JpDateField source="certRenewedAt" showTime />
        <JpDateField source="certIssuedAt" showTime />
        <JpDateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
