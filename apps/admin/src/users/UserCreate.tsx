import { Create, SimpleForm } from 'react-admin';
import { UserInputs, withRolePrefecture } from './UserInputs';

export function UserCreate() {
  return (
    <Create redirect="list" transform={withRolePrefecture}>
      <SimpleForm>
        <UserInputs create />
      </SimpleForm>
    </Create>
  );
}
