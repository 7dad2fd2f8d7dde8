import { BooleanField, DeleteButton, EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { PREFECTURE } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { AddAdminButton } from './AddAdminButton';
import { DistrictsField } from './DistrictsField';

function Actions() {
  return (
    <TopToolbar>
      <AddAdminButton />
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

export function MunicipalityShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="prefectureCode" enumDef={PREFECTURE} label="resources.municipalities.prefecture" />
        <BooleanField source="active" />
        <Labeled source="districts">
          <DistrictsField />
        </Labeled>
        <TextField source="contactPhone" emptyText="—" />
        <TextField source="contactEmail" emptyText="—" />
        <JpDateField source="createdAt" showTime />
        <JpDateField source="updatedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
