import { Box, Divider, Stack, Typography } from '@mui/material';
import { AutocompleteArrayInput, AutocompleteInput, RadioButtonGroupInput, ReferenceArrayInput, ReferenceInput, SelectInput, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { INCIDENT_CAUSE, OPERATOR_REPLY_STATUS, RESIDENT_CONTACT_STATUS } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';
import { JpDateInput } from '../common/JpDateInputs';
import { noMyNumber } from '../common/validators';
import { jstTime } from '../desks/board';

function Section({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2, mb: 1, width: '100%' }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
        {translate(title)}
      </Typography>
      <Divider />
    </Box>
  );
}

const visitText = (r: { id: number; visitedAt?: string } | undefined) => (r ? `#${r.id}${r.visitedAt ? ` ${r.visitedAt.slice(0, 10).replace(/-/g, '/')} ${jstTime(r.visitedAt)}` : ''}` : '');

// What happened and which visits; then the follow-up (residents, payment operator, MIC).
// The status moves with the show page's buttons (with history), not here.
export function IncidentInputs() {
  const causes = useEnumChoices(INCIDENT_CAUSE);
  const contact = useEnumChoices(RESIDENT_CONTACT_STATUS);
  const operator = useEnumChoices(OPERATOR_REPLY_STATUS);
  return (
    <Stack sx={{ width: '100%', maxWidth: 800 }}>
      <Section title="resources.wrong-person-incidents.sections.incident" />
      <JpDateInput source="occurredOn" validate={required()} sx={{ maxWidth: 260 }} />
      <RadioButtonGroupInput source="cause" choices={causes} validate={required()} helperText="resources.wrong-person-incidents.helper.cause" />
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
        <ReferenceInput source="terminalId" reference="terminals" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <SelectInput optionText="name" emptyText="—" sx={{ minWidth: 220 }} />
        </ReferenceInput>
        <ReferenceInput source="paymentServiceId" reference="payment-services" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <AutocompleteInput optionText="name" sx={{ minWidth: 240 }} />
        </ReferenceInput>
      </Stack>
      <ReferenceArrayInput source="assistanceRecordIds" reference="assistance-records" sort={{ field: 'visitedAt', order: 'DESC' }} perPage={50}>
        <AutocompleteArrayInput optionText={visitText} helperText="resources.wrong-person-incidents.helper.assistanceRecordIds" />
      </ReferenceArrayInput>
      <TextInput source="description" multiline minRows={3} fullWidth validate={[required(), maxLength(2000), noMyNumber]} helperText="resources.wrong-person-incidents.helper.description" />

      <Section title="resources.wrong-person-incidents.sections.follow_up" />
      <RadioButtonGroupInput source="residentsContactStatus" choices={contact} />
      <RadioButtonGroupInput source="operatorReplyStatus" choices={operator} />
      <TextInput source="operatorReply" multiline minRows={2} fullWidth validate={[maxLength(2000), noMyNumber]} />
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
        <JpDateInput source="micReportedOn" helperText="resources.wrong-person-incidents.helper.micReportedOn" />
        <TextInput source="micReportRef" validate={[maxLength(60), noMyNumber]} />
      </Stack>
    </Stack>
  );
}
