import { Stack } from '@mui/material';
import { DeleteButton, EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { AGE_BAND } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { RateField } from './RateField';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

export function PopulationFigureShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <JpDateField source="asOf" />
        <TextField source="district" />
        <EnumField source="ageBand" enumDef={AGE_BAND} />
        <Stack direction="row" sx={{ gap: 4, flexWrap: 'wrap' }}>
          <Labeled source="population">
            <NumberField source="population" />
          </Labeled>
          <Labeled source="cardApplications">
            <NumberField source="cardApplications" />
          </Labeled>
          <Labeled source="applicationRatePercent">
            <RateField count="cardApplications" />
          </Labeled>
          <Labeled source="cardsIssued">
            <NumberField source="cardsIssued" />
          </Labeled>
          <Labeled source="issuanceRatePercent">
            <RateField count="cardsIssued" />
          </Labeled>
        </Stack>
        <ReferenceField source="importId" reference="imports" link="show" emptyText="—" />
        <JpDateField source="updatedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
