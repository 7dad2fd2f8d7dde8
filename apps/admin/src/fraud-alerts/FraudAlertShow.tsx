import { Card, CardContent, Grid, Typography } from '@mui/material';
import { DeleteButton, EditButton, FunctionField, Labeled, NumberField, Show, TextField, TopToolbar, useTranslate } from 'react-admin';
import { FRAUD_CHANNEL, IMPERSONATED, REQUESTED_ITEM } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { EnumArrayField, EnumField } from '../common/enums';
import { HistoryTimeline } from './HistoryTimeline';
import { NoticePanel } from './NoticePanel';
import { SeverityField, StatusField } from './fraudAlertChips';
import { StatusActions } from './StatusActions';

function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <DeleteButton mutationMode="pessimistic" />
    </TopToolbar>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="subtitle1" sx={{ fontWeight: 700, mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function SubHeading({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle2" sx={{ mt: 3, mb: 1, fontWeight: 700 }}>
      {translate(title)}
    </Typography>
  );
}

const yen = { style: 'currency', currency: 'JPY' } as const;

export function FraudAlertShow() {
  return (
    <Show actions={<Actions />}>
      <Grid container spacing={2} sx={{ p: 2 }}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Panel title="resources.fraud-alerts.sections.intake">
            <Grid container spacing={2}>
              <Grid size={6}>
                <Labeled source="reportedAt">
                  <JpDateField source="reportedAt" showTime />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="reportedByName">
                  <TextField source="reportedByName" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="channel">
                  <EnumField source="channel" enumDef={FRAUD_CHANNEL} />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="impersonated">
                  <EnumField source="impersonated" enumDef={IMPERSONATED} />
                </Labeled>
              </Grid>
              <Grid size={12}>
                <Labeled source="requestedItems">
                  <FunctionField source="requestedItems" render={(r: { requestedItems: string[] }) => (r.requestedItems.length ? <EnumArrayField source="requestedItems" enumDef={REQUESTED_ITEM} /> : '—')} />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="damageYen">
                  <NumberField source="damageYen" options={yen} />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="district">
                  <TextField source="district" emptyText="—" />
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
          <Panel title="resources.fraud-alerts.sections.triage">
            <Grid container spacing={2} sx={{ mb: 2 }}>
              <Grid size={6}>
                <Labeled source="status">
                  <StatusField source="status" />
                </Labeled>
              </Grid>
              <Grid size={6}>
                <Labeled source="severity">
                  <SeverityField source="severity" />
                </Labeled>
              </Grid>
            </Grid>
            <StatusActions />
            <SubHeading title="resources.fraud-alerts.sections.history" />
            <HistoryTimeline />
          </Panel>
        </Grid>
        <Grid size={12}>
          <Panel title="resources.fraud-alerts.sections.notice">
            <NoticePanel />
          </Panel>
        </Grid>
      </Grid>
    </Show>
  );
}
