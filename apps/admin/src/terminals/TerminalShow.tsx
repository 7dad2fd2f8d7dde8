import { BooleanField, DeleteButton, EditButton, Labeled, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { TerminalLog } from './TerminalLog';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

export function TerminalShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="deskId" reference="desks" link="show" />
        <BooleanField source="active" />
        <Labeled label="resources.terminals.log.title" fullWidth>
          <TerminalLog />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
