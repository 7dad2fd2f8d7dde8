import { Stack } from '@mui/material';
import { NumberInput, SelectInput, TextInput, maxLength, maxValue, minValue, required } from 'react-admin';
import { TARGET_METRIC } from '@mynapoint/domain';
import { JpDateInput } from '../common/JpDateInputs';
import { useEnumChoices } from '../common/enums';
import { noMyNumber } from '../common/validators';

export function TargetInputs() {
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <TextInput source="name" validate={[required(), maxLength(100), noMyNumber]} autoFocus />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <SelectInput source="metric" choices={useEnumChoices(TARGET_METRIC)} validate={required()} />
        <NumberInput source="percent" min={0.1} max={100} step={0.1} validate={[required(), minValue(0.1), maxValue(100)]} helperText="resources.targets.helper.percent" />
        <JpDateInput source="dueOn" validate={required()} helperText="resources.targets.helper.dueOn" />
      </Stack>
    </Stack>
  );
}
