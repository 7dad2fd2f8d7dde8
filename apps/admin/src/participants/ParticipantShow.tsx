import { Labeled, Link, ReferenceField, Show, TextField, useRecordContext, useTranslate } from 'react-admin';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Button, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import type { ReactNode } from 'react';
import { JpDateField } from '../common/dates';
import { EnumField } from '../common/enums';
import { ParticipantLedger } from '../point-awards/ParticipantLedger';
import { ParticipantHistory } from './ParticipantHistory';
import { PointsField } from './PointsField';

// The award ledger (running total, bar to the cap) of the participant shown.
function Ledger() {
  const record = useRecordContext<{ id: number; capYen?: number }>();
  return record ? <ParticipantLedger participantId={record.id} capYen={record.capYen} /> : null;
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        <Stack sx={{ gap: 1.5, alignItems: 'flex-start' }}>{children}</Stack>
      </CardContent>
    </Card>
  );
}

function Application() {
  const translate = useTranslate();
  const record = useRecordContext<{ applicationId: number | null }>();
  if (!record?.applicationId) return <Typography color="text.secondary">{translate('resources.participants.not_applied')}</Typography>;
  return (
    <>
      <Labeled source="paymentServiceId">
        <ReferenceField source="paymentServiceId" reference="payment-services" link="show" />
      </Labeled>
      <Labeled source="appliedAt">
        <JpDateField source="appliedAt" showTime />
      </Labeled>
      <Labeled source="applicationChannel">
        <EnumField source="applicationChannel" enumDef={CHANNEL} chip />
      </Labeled>
      <Button component={Link} to={`/applications/${record.applicationId}/show`} size="small" startIcon={<OpenInNewIcon />}>
        {translate('resources.participants.open_application')}
      </Button>
    </>
  );
}

export function ParticipantShow() {
  const translate = useTranslate();
  return (
    <Show actions={false}>
      <Stack sx={{ p: 2, gap: 2 }}>
        <Stack direction="row" sx={{ gap: 4, alignItems: 'baseline' }}>
          <Labeled source="participantRef">
            <TextField source="participantRef" sx={{ fontFamily: 'monospace', fontSize: '1.3rem' }} />
          </Labeled>
          <Labeled source="campaignId">
            <ReferenceField source="campaignId" reference="campaigns" link="show" />
          </Labeled>
        </Stack>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <Section title="resources.participants.sections.reservation" testId="section-reservation">
              <Labeled source="reservedAt">
                <JpDateField source="reservedAt" showTime />
              </Labeled>
              <Labeled source="quotaId">
                <ReferenceField source="quotaId" reference="reservation-quotas" link="show" />
              </Labeled>
              <Labeled source="channel">
                <EnumField source="channel" enumDef={CHANNEL} chip />
              </Labeled>
              <Labeled source="ageBand">
                <EnumField source="ageBand" enumDef={AGE_BAND} />
              </Labeled>
              <Labeled source="district">
                <TextField source="district" emptyText="—" />
              </Labeled>
            </Section>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <Section title="resources.participants.sections.application" testId="section-application">
              <Application />
            </Section>
          </Grid>
          <Grid size={12}>
            <Section title="resources.participants.sections.history" testId="section-history">
              <ParticipantHistory />
            </Section>
          </Grid>
          <Grid size={12}>
            <Section title="resources.participants.sections.points" testId="section-points">
              <PointsField />
              <Ledger />
            </Section>
          </Grid>
        </Grid>
      </Stack>
    </Show>
  );
}
