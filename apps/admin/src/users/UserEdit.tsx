import { Alert } from '@mui/material';
import { Edit, SimpleForm, useRecordContext, useTranslate } from 'react-admin';
import { UnlockButton } from './UnlockButton';
import { UserInputs, withRolePrefecture } from './UserInputs';
import { UserSecurityPanel } from './UserSecurityPanel';

function LockedNotice() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.locked) return null;
  return (
    <Alert severity="warning" action={<UnlockButton variant="contained" />} sx={{ mb: 2, width: '100%', maxWidth: 560 }} data-testid="locked-notice">
      {translate('resources.users.unlock.locked')}
    </Alert>
  );
}

// An empty password field means "keep it": drop it before sending.
const withoutEmptyPassword = (data: Record<string, unknown>) => {
  const { password, ...rest } = withRolePrefecture(data);
  return password ? { ...rest, password } : rest;
};

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={withoutEmptyPassword}>
      <SimpleForm>
        <LockedNotice />
        <UserInputs />
      </SimpleForm>
      <UserSecurityPanel />
    </Edit>
  );
}
