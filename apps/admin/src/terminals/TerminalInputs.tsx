import { BooleanInput, ReferenceInput, SelectInput, TextInput, maxLength, required } from 'react-admin';
import { Stack } from '@mui/material';
import { noMyNumber } from '../common/validators';

export function TerminalInputs() {
  return (
    <Stack sx={{ width: '100%', maxWidth: 600 }}>
      <ReferenceInput source="deskId" reference="desks" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="name" validate={[required(), maxLength(60), noMyNumber]} helperText="resources.terminals.helper.name" />
      <BooleanInput source="active" defaultValue />
    </Stack>
  );
}
