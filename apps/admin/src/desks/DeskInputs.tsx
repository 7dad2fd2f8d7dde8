import { BooleanInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Stack } from '@mui/material';
import { DESK_OFFICE } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { JpDateInput } from '../common/JpDateInputs';
import { noMyNumber } from '../common/validators';

// A pop-up desk runs between its two dates (both required); other desks may leave them empty.
const requiredForPopup = (value: unknown, all: Record<string, unknown>) => (all.office === 'popup' && !value ? 'resources.desks.helper.popup_dates' : undefined);

export function DeskInputs() {
  const offices = useEnumChoices(DESK_OFFICE);
  const popup = useWatch({ name: 'office' }) === 'popup';
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <TextInput source="name" validate={[required(), maxLength(60), noMyNumber]} autoFocus />
      <SelectInput source="office" choices={offices} validate={required()} helperText="resources.desks.helper.office" />
      <TextInput source="place" validate={[maxLength(100), noMyNumber]} helperText="resources.desks.helper.place" />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <JpDateInput source="opensOn" validate={requiredForPopup} helperText={popup ? 'resources.desks.helper.popup_dates' : 'resources.desks.helper.opensOn'} />
        <JpDateInput source="closesOn" validate={requiredForPopup} helperText={popup ? 'resources.desks.helper.popup_dates' : 'resources.desks.helper.closesOn'} />
      </Stack>
      <BooleanInput source="active" defaultValue helperText="resources.desks.helper.active" />
    </Stack>
  );
}
