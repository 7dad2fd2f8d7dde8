import { useNotifyServerError } from '../common/serverErrors';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Create,
  RecordContextProvider,
  ReferenceInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  required,
  useGetList,
  useNotify,
  useRedirect,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import { JpDateField } from '../common/dates';
import { DefaultWhenEmpty } from '../common/DefaultWhenEmpty';
import { withoutEmpty } from '../common/instants';
import { MyKeyIdInput } from '../common/MyKeyIdInput';
import { useReservationsOf } from '../reservations/MyKeyLookup';
import { ApplicationInputs, ServiceNotes } from './ApplicationInputs';

function CounterToolbar() {
  const redirect = useRedirect();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton label="resources.applications.action.save_and_next" data-testid="save-and-next" sx={{ textTransform: 'none' }} />
      <SaveButton
        type="button"
        variant="outlined"
        sx={{ textTransform: 'none' }}
        label="resources.applications.action.save_and_show"
        mutationOptions={{ onSuccess: (data: RaRecord) => redirect('show', 'applications', data.id) }}
      />
    </Toolbar>
  );
}

// Whether the typed MyKey ID has a reservation to apply on (looked up in the background).
function ReservationCheck({ campaignNames }: { campaignNames: Record<number, string> }) {
  const translate = useTranslate();
  const { state, found } = useReservationsOf();
  if (state === 'failed') return <Alert severity="warning" sx={{ mb: 2 }}>{translate('resources.reservations.lookup.failed')}</Alert>;
  if (state !== 'done') return null;
  if (!found.length) return <Alert severity="error" sx={{ mb: 2 }}>{translate('resources.applications.lookup.none')}</Alert>;
  return (
    <Alert severity="success" sx={{ mb: 2 }}>
      {found.map((r) => (
        <div key={r.campaignId}>
          {translate('resources.reservations.lookup.found', { campaign: campaignNames[r.campaignId] ?? r.campaignId, date: formatJapaneseEraDate(r.reservedAt) })}
        </div>
      ))}
    </Alert>
  );
}

const serviceOption = (s: { name: string; operator: string }) => `${s.name}（${s.operator}）`;

export function ApplicationCreate() {
  const notifyError = useNotifyServerError();
  const translate = useTranslate();
  const notify = useNotify();
  const [round, setRound] = useState(0);
  const [sticky, setSticky] = useState<{ channel: string; campaignId?: number }>({ channel: 'counter' });
  const [last, setLast] = useState<RaRecord | null>(null);
  const { data: campaigns } = useGetList('campaigns', { pagination: { page: 1, perPage: 100 }, sort: { field: 'applicationOpensOn', order: 'DESC' } });
  const campaignNames = useMemo(() => Object.fromEntries((campaigns ?? []).map((c) => [c.id, c.name])), [campaigns]);
  // The campaign taking applications today, when there is exactly one.
  const today = toJstDate(new Date());
  const current = (campaigns ?? []).filter((c) => c.applicationOpensOn <= today && today <= c.applicationClosesOn);
  const currentId = current.length === 1 ? current[0].id : undefined;

  return (
    <Create
      title="resources.applications.title_create"
      redirect={false}
      transform={withoutEmpty(['appliedAt', 'certRenewedAt', 'campaignId'])}
      mutationOptions={{
        onError: notifyError,
        onSuccess: (data: RaRecord) => {
          notify('resources.applications.notification.created', { type: 'success', messageArgs: { ref: data.participantRef } });
          setLast(data);
          setSticky({ channel: data.channel, campaignId: data.campaignId });
          setRound((r) => r + 1);
        },
      }}
    >
      <SimpleForm key={round} defaultValues={sticky} toolbar={<CounterToolbar />}>
        <DefaultWhenEmpty source="campaignId" value={sticky.campaignId ?? currentId} />
        <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ gap: 3, width: '100%' }}>
          <Box sx={{ flex: 3, minWidth: 0 }}>
            <MyKeyIdInput autoFocus />
            <ReservationCheck campaignNames={campaignNames} />
            <ReferenceInput source="campaignId" reference="campaigns" sort={{ field: 'applicationOpensOn', order: 'DESC' }}>
              <SelectInput optionText="name" helperText="resources.applications.helper.campaignId" sx={{ minWidth: 320 }} />
            </ReferenceInput>
            <ReferenceInput source="paymentServiceId" reference="payment-services" filter={{ status: 'active' }} sort={{ field: 'name', order: 'ASC' }} perPage={100}>
              <AutocompleteInput optionText={serviceOption} validate={required()} helperText="resources.applications.helper.paymentServiceId" sx={{ minWidth: 320 }} />
            </ReferenceInput>
            <ServiceNotes />
            <ApplicationInputs />
          </Box>
          <Stack sx={{ flex: 2, gap: 2, minWidth: 280 }}>
            {last && (
              <Card variant="outlined" data-testid="last-saved">
                <CardContent>
                  <Typography variant="overline">{translate('resources.applications.sections.last')}</Typography>
                  <Typography variant="h6" sx={{ fontFamily: 'monospace' }}>
                    {String(last.participantRef)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" component="div">
                    <RecordContextProvider value={last}>
                      <JpDateField source="appliedAt" showTime />
                    </RecordContextProvider>
                  </Typography>
                </CardContent>
              </Card>
            )}
            <Card variant="outlined">
              <CardContent>
                <Typography variant="overline">{translate('resources.reservations.sections.keyboard')}</Typography>
                <Typography variant="body2">{translate('resources.applications.keyboard')}</Typography>
              </CardContent>
            </Card>
          </Stack>
        </Stack>
      </SimpleForm>
    </Create>
  );
}
