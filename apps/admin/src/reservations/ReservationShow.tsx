import { BooleanField, DeleteButton, EditButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

export function ReservationShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="participantRef" sx={{ fontFamily: 'monospace', fontSize: '1.1rem' }} />
        <ReferenceField source="campaignId" reference="campaigns" link="show" />
        <ReferenceField source="quotaId" reference="reservation-quotas" link="show" />
        <JpDateField source="reservedAt" showTime />
        <EnumField source="channel" enumDef={CHANNEL} chip />
        <EnumField source="ageBand" enumDef={AGE_BAND} />
        <TextField source="district" emptyText="—" />
        <JpDateField source="certIssuedAt" showTime />
        <JpDateField source="certRenewedAt" showTime />
        <BooleanField source="applied" />
        <JpDateField source="createdAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
