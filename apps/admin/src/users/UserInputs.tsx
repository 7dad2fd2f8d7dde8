import { BooleanInput, PasswordInput, SelectInput, TextInput, maxLength, minLength, regex, required } from 'react-admin';
import { Stack } from '@mui/material';
import { ROLE } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { noMyNumber } from '../common/validators';

export function UserInputs({ create }: { create?: boolean }) {
  const roles = useEnumChoices(ROLE);
  return (
    <Stack sx={{ width: '100%', maxWidth: 560 }}>
      <TextInput source="username" validate={[required(), minLength(2), maxLength(60), regex(/^[A-Za-z0-9._-]+$/, 'resources.users.validation.username')]} autoFocus={create} />
      <TextInput source="displayName" validate={[required(), maxLength(60), noMyNumber]} />
      <SelectInput source="role" choices={roles} validate={required()} />
      <BooleanInput source="active" defaultValue helperText="resources.users.helper.active" />
      <PasswordInput
        source="password"
        validate={create ? [required(), minLength(12)] : [minLength(12)]}
        helperText="resources.users.helper.password"
        autoComplete="new-password"
      />
    </Stack>
  );
}
