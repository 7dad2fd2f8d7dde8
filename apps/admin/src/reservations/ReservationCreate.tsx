import { useNotifyServerError } from '../common/serverErrors';
import { useMemo, useState } from 'react';
import {
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
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { withoutEmpty } from '../common/instants';
import { MyKeyIdInput } from '../common/MyKeyIdInput';
import { JpDateField } from '../common/dates';
import { DefaultWhenEmpty } from '../common/DefaultWhenEmpty';
import { MyKeyLookup } from './MyKeyLookup';
import { QuotaPreview } from './QuotaPreview';
import { ReservationInputs } from './ReservationInputs';

type Sticky = { quotaId?: number; channel: string };

function CounterToolbar() {
  const redirect = useRedirect();
  return (
    <Toolbar sx={{ gap: 2 }}>
      <SaveButton label="resources.reservations.action.save_and_next" data-testid="save-and-next" sx={{ textTransform: 'none' }} />
      <SaveButton
        type="button"
        variant="outlined"
        sx={{ textTransform: 'none' }}
        label="resources.reservations.action.save_and_show"
        mutationOptions={{ onSuccess: (data: RaRecord) => redirect('show', 'reservations', data.id) }}
      />
    </Toolbar>
  );
}

// The counter's fast entry: MyKey ID first, Enter saves and clears the form for the
// next resident, keeping the quota and the channel. The chosen quota's gauge stays
// in view and refreshes after each save.
export function ReservationCreate() {
  const notifyError = useNotifyServerError();
  const translate = useTranslate();
  const notify = useNotify();
  const [round, setRound] = useState(0);
  const [sticky, setSticky] = useState<Sticky>({ channel: 'counter' });
  const [last, setLast] = useState<RaRecord | null>(null);
  const { data: open } = useGetList('reservation-quotas', { filter: { status: 'open' }, pagination: { page: 1, perPage: 50 }, sort: { field: 'fillRate', order: 'DESC' } });
  const { data: campaigns } = useGetList('campaigns', { pagination: { page: 1, perPage: 100 }, sort: { field: 'reservationOpensOn', order: 'DESC' } });
  const campaignNames = useMemo(() => Object.fromEntries((campaigns ?? []).map((c) => [c.id, c.name])), [campaigns]);
  // With a single open quota there is nothing to choose.
  const onlyOpen = open?.length === 1 ? open[0].id : undefined;

  return (
    <Create
      title="resources.reservations.title_create"
      redirect={false}
      transform={withoutEmpty(['reservedAt', 'certRenewedAt', 'ageBand', 'district'])}
      mutationOptions={{
        onError: notifyError,
        onSuccess: (data: RaRecord) => {
          notify('resources.reservations.notification.created', { type: 'success', messageArgs: { ref: data.participantRef } });
          setLast(data);
          setSticky({ quotaId: data.quotaId, channel: data.channel });
          setRound((r) => r + 1);
        },
      }}
    >
      <SimpleForm key={round} defaultValues={sticky} toolbar={<CounterToolbar />}>
        <DefaultWhenEmpty source="quotaId" value={sticky.quotaId ?? onlyOpen} />
        <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ gap: 3, width: '100%' }}>
          <Box sx={{ flex: 3, minWidth: 0 }}>
            <ReferenceInput source="quotaId" reference="reservation-quotas" filter={{ status: 'open' }} sort={{ field: 'fillRate', order: 'DESC' }}>
              <SelectInput optionText="name" validate={required()} helperText="resources.reservations.helper.quotaId" sx={{ minWidth: 320 }} />
            </ReferenceInput>
            <MyKeyIdInput autoFocus />
            <MyKeyLookup campaignNames={campaignNames} />
            <ReservationInputs />
          </Box>
          <Stack sx={{ flex: 2, gap: 2, minWidth: 280 }}>
            <QuotaPreview />
            {last && (
              <Card variant="outlined" data-testid="last-saved">
                <CardContent>
                  <Typography variant="overline">{translate('resources.reservations.sections.last')}</Typography>
                  <Typography variant="h6" sx={{ fontFamily: 'monospace' }}>
                    {String(last.participantRef)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" component="div">
                    <RecordContextProvider value={last}>
                      <JpDateField source="reservedAt" showTime />
                    </RecordContextProvider>
                  </Typography>
                </CardContent>
              </Card>
            )}
            <Card variant="outlined">
              <CardContent>
                <Typography variant="overline">{translate('resources.reservations.sections.keyboard')}</Typography>
                <Typography variant="body2">{translate('resources.reservations.keyboard')}</Typography>
              </CardContent>
            </Card>
          </Stack>
        </Stack>
      </SimpleForm>
    </Create>
  );
}
