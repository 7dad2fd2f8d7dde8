import { useMemo } from 'react';
import { ReferenceInput, SelectInput, required, useGetList } from 'react-admin';
import { CounterCreate } from '../common/CounterCreate';
import { MyKeyIdInput } from '../common/MyKeyIdInput';
import { MyKeyLookup } from './MyKeyLookup';
import { QuotaPreview } from './QuotaPreview';
import { ReservationInputs } from './ReservationInputs';

// The counter's fast entry for reservations: the quota and the channel stay for the
// next resident, and the chosen quota's gauge stays in view, fresh after each save.
export function ReservationCreate() {
  const { data: open } = useGetList('reservation-quotas', { filter: { status: 'open' }, pagination: { page: 1, perPage: 50 }, sort: { field: 'fillRate', order: 'DESC' } });
  const { data: campaigns } = useGetList('campaigns', { pagination: { page: 1, perPage: 100 }, sort: { field: 'reservationOpensOn', order: 'DESC' } });
  const campaignNames = useMemo(() => Object.fromEntries((campaigns ?? []).map((c) => [c.id, c.name])), [campaigns]);
  // With a single open quota there is nothing to choose.
  const onlyOpen = open?.length === 1 ? open[0].id : undefined;

  return (
    <CounterCreate
      keep={['quotaId', 'channel']}
      optional={['reservedAt', 'certRenewedAt', 'certIssuedAt', 'ageBand', 'district']}
      autoFill={{ source: 'quotaId', value: onlyOpen }}
      savedAt="reservedAt"
      aside={<QuotaPreview />}
    >
      <ReferenceInput source="quotaId" reference="reservation-quotas" filter={{ status: 'open' }} sort={{ field: 'fillRate', order: 'DESC' }}>
        <SelectInput optionText="name" validate={required()} helperText="resources.reservations.helper.quotaId" sx={{ minWidth: 320 }} />
      </ReferenceInput>
      <MyKeyIdInput autoFocus />
      <MyKeyLookup campaignNames={campaignNames} />
      <ReservationInputs />
    </CounterCreate>
  );
}
