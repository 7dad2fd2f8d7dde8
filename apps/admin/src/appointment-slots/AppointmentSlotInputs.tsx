import { NumberInput, ReferenceInput, SelectInput, maxValue, minValue, required } from 'react-admin';
import { Stack } from '@mui/material';
import { JpDateTimeInput } from '../common/JpDateInputs';
import { toInstant } from '../common/instants';

export function AppointmentSlotInputs({ edit = false }: { edit?: boolean }) {
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <ReferenceInput source="deskId" reference="desks" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" validate={required()} disabled={edit} />
      </ReferenceInput>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <JpDateTimeInput source="startsAt" parse={toInstant} validate={required()} />
        <JpDateTimeInput source="endsAt" parse={toInstant} validate={required()} />
      </Stack>
      <NumberInput source="capacity" min={1} max={50} step={1} validate={[required(), minValue(1), maxValue(50)]} helperText="resources.appointment-slots.helper.capacity" sx={{ width: 220 }} />
    </Stack>
  );
}
