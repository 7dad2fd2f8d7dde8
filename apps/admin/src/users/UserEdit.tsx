import { Edit, SimpleForm } from 'react-admin';
import { UserInputs } from './UserInputs';

// An empty password field means "keep it": drop it before sending.
const withoutEmptyPassword = (data: Record<string, unknown>) => {
  const { password, ...rest } = data;
  return password ? { ...rest, password } : rest;
};

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={withoutEmptyPassword}>
      <SimpleForm>
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
}
