import { BooleanInput, FormDataConsumer, PasswordInput, SelectInput, TextInput, maxLength, minLength, regex, required, usePermissions } from 'react-admin';
import { Stack } from '@mui/material';
import { INSTALLATION_ROLES, MUNICIPALITY_ROLES, PREFECTURE, ROLE } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { noMyNumber } from '../common/validators';

// The operator keeps the installation's accounts (operator, prefecture); a
// municipality's admin its staff: each is offered only the roles the server accepts.
export function UserInputs({ create }: { create?: boolean }) {
  const { permissions } = usePermissions();
  const roles = useEnumChoices(ROLE, permissions === 'operator' ? INSTALLATION_ROLES : MUNICIPALITY_ROLES);
  const prefectures = useEnumChoices(PREFECTURE);
  return (
    <Stack sx={{ width: '100%', maxWidth: 560 }}>
      <TextInput source="username" validate={[required(), minLength(2), maxLength(60), regex(/^[A-Za-z0-9._-]+$/, 'resources.users.validation.username')]} autoFocus={create} />
      <TextInput source="displayName" validate={[required(), maxLength(60), noMyNumber]} />
      <SelectInput source="role" choices={roles} validate={required()} />
      <FormDataConsumer>
        {({ formData }) => (formData.role === 'prefecture' ? <SelectInput source="prefectureCode" choices={prefectures} validate={required()} /> : null)}
      </FormDataConsumer>
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

/** A prefecture code only goes with the prefecture role (the server refuses it otherwise). */
export function withRolePrefecture<T extends { role?: string; prefectureCode?: string | null }>(data: T): T {
  return data.role === 'prefecture' ? data : { ...data, prefectureCode: null };
}
