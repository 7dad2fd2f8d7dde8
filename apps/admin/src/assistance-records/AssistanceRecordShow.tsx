import { Alert } from '@mui/material';
import { DeleteButton, EditButton, Labeled, Link, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { AGE_BAND, ASSISTANCE_TYPE, OFFICE, PROXY, needsWrongPersonChecklist } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumArrayField, EnumField } from '../common/enums';
import { OutcomeField } from './OutcomeField';
import { useEditWindow } from './useEditWindow';

function Actions() {
  const { editable } = useEditWindow();
  return (
    <TopToolbar>
      {editable ? <EditButton /> : null}
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

// Whether staff ran the wrong-person checks, in words rather than three booleans.
function SharedTerminalField() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const T = 'resources.assistance-records.show';
  if (!record.sharedTerminalUsed) return <span>{translate(`${T}.no_shared_terminal`)}</span>;
  if (!needsWrongPersonChecklist({ assistanceTypes: record.assistanceTypes, sharedTerminalUsed: true })) return <span>{translate(`${T}.shared_terminal_other`)}</span>;
  const done = record.terminalLoggedOut && record.serviceIdReadBack;
  return (
    <Alert severity={done ? 'success' : 'warning'} sx={{ py: 0 }}>
      {translate(done ? `${T}.checklist_done` : `${T}.checklist_missing`)}
    </Alert>
  );
}

// The terminal the visit used, opening its log at this visit (who used it before and after).
function TerminalField() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record?.terminalId) return null;
  return (
    <Labeled label={translate('resources.assistance-records.show.terminal')}>
      <span>
        <ReferenceField source="terminalId" reference="terminals" link={false} />{' '}
        <Link to={`/terminals/${record.terminalId}/show?around=${record.id}`}>{translate('resources.assistance-records.show.terminal_log')}</Link>
      </span>
    </Labeled>
  );
}

export function AssistanceRecordShow() {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <JpDateField source="visitedAt" showTime />
        <EnumField source="office" enumDef={OFFICE} />
        <TextField source="staffName" />
        <EnumArrayField source="assistanceTypes" enumDef={ASSISTANCE_TYPE} />
        <Labeled source="outcome">
          <OutcomeField />
        </Labeled>
        <NumberField source="durationMinutes" />
        <Labeled label={translate('resources.assistance-records.fields.sharedTerminalUsed')}>
          <SharedTerminalField />
        </Labeled>
        <TerminalField />
        <ReferenceField source="paymentServiceId" reference="payment-services" emptyText="—" />
        <EnumField source="ageBand" enumDef={AGE_BAND} />
        <TextField source="district" emptyText="—" />
        <EnumField source="proxy" enumDef={PROXY} />
        <TextField source="notes" emptyText="—" />
        <JpDateField source="createdAt" showTime />
        <JpDateField source="updatedAt" showTime />
      </SimpleShowLayout>
    </Show>
  );
}
