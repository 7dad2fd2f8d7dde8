import TodayIcon from '@mui/icons-material/Today';
import { Button, Stack } from '@mui/material';
import { BooleanField, DataTable, DeleteButton, EditButton, Labeled, ReferenceManyField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useRecordContext, useStore, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { DESK_OFFICE } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { TODAY_BOARD_PATH } from './board';

function Actions() {
  return (
    <TopToolbar>
      <TodayButton />
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

// Opens the day board on this desk.
function TodayButton() {
  const record = useRecordContext();
  const translate = useTranslate();
  const navigate = useNavigate();
  const [, setDesk] = useStore<number | null>('desks.today.desk', null);
  if (!record) return null;
  return (
    <Button
      size="small"
      startIcon={<TodayIcon />}
      onClick={() => {
        setDesk(record.id as number);
        navigate(TODAY_BOARD_PATH);
      }}
    >
      {translate('resources.desks.today.title')}
    </Button>
  );
}

function Terminals() {
  const { canAccess } = useCanAccess({ resource: 'terminals', action: 'list' });
  if (!canAccess) return null;
  return (
    <Labeled label="resources.terminals.name" fullWidth>
      <ReferenceManyField reference="terminals" target="deskId" sort={{ field: 'name', order: 'ASC' }} perPage={50} empty={<EmptyTerminals />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="active">
            <BooleanField source="active" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Labeled>
  );
}

function EmptyTerminals() {
  const translate = useTranslate();
  return <span>{translate('resources.desks.no_terminals')}</span>;
}

export function DeskShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="office" enumDef={DESK_OFFICE} />
        <TextField source="place" emptyText="—" />
        <Stack direction="row" sx={{ gap: 4 }}>
          <Labeled source="opensOn">
            <JpDateField source="opensOn" />
          </Labeled>
          <Labeled source="closesOn">
            <JpDateField source="closesOn" />
          </Labeled>
        </Stack>
        <BooleanField source="active" />
        <Terminals />
      </SimpleShowLayout>
    </Show>
  );
}
