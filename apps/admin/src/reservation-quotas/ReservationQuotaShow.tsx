import { DeleteButton, EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { Stack } from '@mui/material';
import { QUOTA_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { QuotaGaugeField } from './QuotaGauge';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

export function ReservationQuotaShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="campaignId" reference="campaigns" link="show" />
        <Labeled source="fillRate">
          <QuotaGaugeField size="large" />
        </Labeled>
        <Stack direction="row" sx={{ gap: 4 }}>
          <Labeled source="used">
            <NumberField source="used" />
          </Labeled>
          <Labeled source="remaining">
            <NumberField source="remaining" />
          </Labeled>
          <Labeled source="capacity">
            <NumberField source="capacity" />
          </Labeled>
          <Labeled source="warnAtPercent">
            <NumberField source="warnAtPercent" />
          </Labeled>
        </Stack>
        <EnumField source="status" enumDef={QUOTA_STATUS} chip />
        <JpDateField source="opensAt" showTime />
        <JpDateField source="closesAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
