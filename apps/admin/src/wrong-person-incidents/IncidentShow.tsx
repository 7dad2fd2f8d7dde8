import { Box, Card, CardContent, Grid, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { DeleteButton, EditButton, FunctionField, Labeled, Link, ReferenceField, Show, TextField, TopToolbar, useTranslate } from 'react-admin';
import { INCIDENT_CAUSE, OPERATOR_REPLY_STATUS, RESIDENT_CONTACT_STATUS } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { IncidentHistory } from './IncidentHistory';
import { IncidentStatusField } from './incidentChips';
import { IncidentStatusActions } from './IncidentStatusActions';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

// Each visit involved, with a link to its terminal's log around it (who used the terminal before and after).
function Visits() {
  const translate = useTranslate();
  return (
    <FunctionField
      source="assistanceRecordIds"
      render={(r: { assistanceRecordIds?: number[]; terminalId?: number | null }) =>
        r.assistanceRecordIds?.length ? (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="incident-visits">
            {r.assistanceRecordIds.map((id) => (
              <li key={id}>
                <Link to={`/assistance-records/${id}/show`}>#{id}</Link>
                {r.terminalId ? (
                  <>
                    {' '}
                    <Link to={`/terminals/${r.terminalId}/show?around=${id}`}>{translate('resources.wrong-person-incidents.terminal_log')}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </Box>
        ) : (
          '—'
        )
      }
    />
  );
}

const S = 'resources.wrong-person-incidents.sections';

export function IncidentShow() {
  return (
    <Show actions={<Actions />}>
      <Grid container spacing={2} sx={{ p: 2 }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Panel title={`${S}.incident`}>
            <Grid container spacing={2}>
              <Grid size={6}>
                <Labeled source="occurredOn">
                  <JpDateField source="occurredOn" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="cause">
                  <EnumField source="cause" enumDef={INCIDENT_CAUSE} />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="terminalId">
                  <ReferenceField source="terminalId" reference="terminals" link="show" emptyText="—" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="paymentServiceId">
                  <ReferenceField source="paymentServiceId" reference="payment-services" link={false} emptyText="—" />
                </Labeled>
              </Grid>
              <Grid size={12}>
                <Labeled source="assistanceRecordIds">
                  <Visits />
                </Labeled>
              </Grid>
              <Grid size={12}>
                <Labeled source="description">
                  <TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} />
                </Labeled>
              </Grid>
            </Grid>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Panel title={`${S}.status`}>
            <Labeled source="status">
              <IncidentStatusField source="status" />
            </Labeled>
            <IncidentStatusActions />
            <Typography variant="subtitle2" component="h3" sx={{ mt: 3, mb: 1, fontWeight: 700 }}>
              <HistoryTitle />
            </Typography>
            <IncidentHistory />
          </Panel>
        </Grid>
        <Grid size={12}>
          <Panel title={`${S}.follow_up`}>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Labeled source="residentsContactStatus">
                  <EnumField source="residentsContactStatus" enumDef={RESIDENT_CONTACT_STATUS} />
                </Labeled>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Labeled source="operatorReplyStatus">
                  <EnumField source="operatorReplyStatus" enumDef={OPERATOR_REPLY_STATUS} />
                </Labeled>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Labeled source="micReportedOn">
                  <JpDateField source="micReportedOn" />
                </Labeled>
              </Grid>
              <Grid size={{ xs: 12, sm: 8 }}>
                <Labeled source="operatorReply">
                  <TextField source="operatorReply" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                </Labeled>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Labeled source="micReportRef">
                  <TextField source="micReportRef" emptyText="—" />
                </Labeled>
              </Grid>
            </Grid>
          </Panel>
        </Grid>
      </Grid>
    </Show>
  );
}

function HistoryTitle() {
  const translate = useTranslate();
  return <>{translate(`${S}.history`)}</>;
}
