import { Stack } from '@mui/material';
import { DataTable, DeleteButton, EditButton, Labeled, NumberField, ReferenceField, ReferenceManyField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { APPOINTMENT_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { SlotStatusField } from './slotChips';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

function Bookings() {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'appointments', action: 'list' });
  if (!canAccess) return null;
  return (
    <Labeled label="resources.appointments.name" fullWidth>
      <ReferenceManyField reference="appointments" target="slotId" sort={{ field: 'id', order: 'ASC' }} perPage={50} empty={<span>{translate('resources.appointment-slots.no_bookings')}</span>}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="residentName">
            <TextField source="residentName" emptyText="—" />
          </DataTable.Col>
          <DataTable.NumberCol source="partySize" />
          <DataTable.Col source="status">
            <EnumField source="status" enumDef={APPOINTMENT_STATUS} chip />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  );
}

export function AppointmentSlotShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <ReferenceField source="deskId" reference="desks" link="show" />
        <Stack direction="row" sx={{ gap: 4 }}>
          <Labeled source="startsAt">
            <JpDateField source="startsAt" showTime />
          </Labeled>
          <Labeled source="endsAt">
            <JpDateField source="endsAt" showTime />
          </Labeled>
        </Stack>
        <Stack direction="row" sx={{ gap: 4 }}>
          <Labeled source="capacity">
            <NumberField source="capacity" />
          </Labeled>
          <Labeled source="booked">
            <NumberField source="booked" />
          </Labeled>
          <Labeled source="remaining">
            <NumberField source="remaining" />
          </Labeled>
        </Stack>
        <SlotStatusField source="status" />
        <Bookings />
      </SimpleShowLayout>
    </Show>
  );
}
