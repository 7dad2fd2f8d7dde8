import { Stack } from '@mui/material';
import { FunctionField, Labeled, Link, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { APPOINTMENT_STATUS, ASSISTANCE_TYPE } from '@mynapoint/domain';
import { EnumArrayField, EnumField } from '../common/enums';
import { AppointmentActions } from './AppointmentActions';
import { SlotTimeField } from './SlotTimeField';

function RecordLink() {
  const translate = useTranslate();
  return (
    <FunctionField
      source="assistanceRecordId"
      render={(r: { assistanceRecordId: number | null }) =>
        r.assistanceRecordId ? <Link to={`/assistance-records/${r.assistanceRecordId}/show`}>{translate('resources.appointments.open_record', { id: r.assistanceRecordId })}</Link> : '—'
      }
    />
  );
}

export function AppointmentShow() {
  return (
    <Show actions={<AppointmentActions />}>
      <SimpleShowLayout>
        <Stack direction="row" sx={{ gap: 4 }}>
          <Labeled source="startsAt" label="resources.appointments.fields.startsAt">
            <SlotTimeField />
          </Labeled>
          <Labeled source="slotId">
            <ReferenceField source="slotId" reference="appointment-slots" link="show" />
          </Labeled>
        </Stack>
        <TextField source="residentName" emptyText="—" />
        <TextField source="phone" emptyText="—" />
        <EnumArrayField source="purpose" enumDef={ASSISTANCE_TYPE} />
        <NumberField source="partySize" />
        <EnumField source="status" enumDef={APPOINTMENT_STATUS} chip />
        <TextField source="notes" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <RecordLink />
      </SimpleShowLayout>
    </Show>
  );
}
