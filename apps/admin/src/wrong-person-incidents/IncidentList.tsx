import { DataTable, List, ReferenceField, SelectInput, TextField } from 'react-admin';
import { INCIDENT_CAUSE, INCIDENT_STATUS, OPERATOR_REPLY_STATUS, RESIDENT_CONTACT_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField, useEnumChoices } from '../common/enums';
import { ListEmpty } from '../common/ListEmpty';
import { ListLoadError } from '../common/ListLoadError';
import { IncidentStatusField } from './incidentChips';

function useIncidentFilters() {
  const statuses = useEnumChoices(INCIDENT_STATUS);
  const causes = useEnumChoices(INCIDENT_CAUSE);
  return [<SelectInput key="status" source="status" choices={statuses} alwaysOn />, <SelectInput key="cause" source="cause" choices={causes} alwaysOn />];
}

export function IncidentList() {
  return (
    <List error={<ListLoadError />} filters={useIncidentFilters()} sort={{ field: 'occurredOn', order: 'DESC' }} empty={<ListEmpty hint />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="id">
          <TextField source="id" />
        </DataTable.Col>
        <DataTable.Col source="occurredOn">
          <JpDateField source="occurredOn" />
        </DataTable.Col>
        <DataTable.Col source="cause">
          <EnumField source="cause" enumDef={INCIDENT_CAUSE} />
        </DataTable.Col>
        <DataTable.Col source="terminalId">
          <ReferenceField source="terminalId" reference="terminals" link={false} emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="residentsContactStatus">
          <EnumField source="residentsContactStatus" enumDef={RESIDENT_CONTACT_STATUS} />
        </DataTable.Col>
        <DataTable.Col source="operatorReplyStatus">
          <EnumField source="operatorReplyStatus" enumDef={OPERATOR_REPLY_STATUS} />
        </DataTable.Col>
        <DataTable.Col source="status">
          <IncidentStatusField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}
