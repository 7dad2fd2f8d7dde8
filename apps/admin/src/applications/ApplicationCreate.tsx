import { useCallback, useMemo } from 'react';
import { AutocompleteInput, ReferenceInput, SelectInput, required, useGetList, useTranslate } from 'react-admin';
import { Alert } from '@mui/material';
import { formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import { CounterCreate } from '../common/CounterCreate';
import { MyKeyIdInput } from '../common/MyKeyIdInput';
import { useReservationsOf } from '../reservations/MyKeyLookup';
import { ApplicationInputs, ServiceNotes } from './ApplicationInputs';
import { ApplicationMeasureInputs } from './MeasureInputs';

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

export function ApplicationCreate() {
  const translate = useTranslate();
  const serviceOption = useCallback((s: { name: string; operator: string }) => `${s.name}${translate('app.punct.paren', { text: s.operator })}`, [translate]);
  const { data: campaigns } = useGetList('campaigns', { pagination: { page: 1, perPage: 100 }, sort: { field: 'applicationOpensOn', order: 'DESC' } });
  const campaignNames = useMemo(() => Object.fromEntries((campaigns ?? []).map((c) => [c.id, c.name])), [campaigns]);
  // The campaign taking applications today, when there is exactly one.
  const today = toJstDate(new Date());
  const current = (campaigns ?? []).filter((c) => c.applicationOpensOn <= today && today <= c.applicationClosesOn);
  const currentId = current.length === 1 ? current[0].id : undefined;

  return (
    <CounterCreate keep={['campaignId', 'channel']} optional={['appliedAt', 'certRenewedAt', 'certIssuedAt', 'campaignId', 'measureId', 'cardAppliedOn', 'age']} autoFill={{ source: 'campaignId', value: currentId }} savedAt="appliedAt">
      <MyKeyIdInput autoFocus />
      <ReservationCheck campaignNames={campaignNames} />
      <ReferenceInput source="campaignId" reference="campaigns" sort={{ field: 'applicationOpensOn', order: 'DESC' }}>
        <SelectInput optionText="name" helperText="resources.applications.helper.campaignId" sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <ApplicationMeasureInputs />
      <ReferenceInput source="paymentServiceId" reference="payment-services" filter={{ status: 'active' }} sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput optionText={serviceOption} validate={required()} helperText="resources.applications.helper.paymentServiceId" sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <ServiceNotes />
      <ApplicationInputs />
    </CounterCreate>
  );
}
