import { NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

// No MyKey ID filter here on purpose: list filters live in the page address (and the
// browser history). The counter forms look an ID up in the background instead.
export function useReservationFilters() {
  const translate = useTranslate();
  const channels = useEnumChoices(CHANNEL);
  const ageBands = useEnumChoices(AGE_BAND);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.reservations.filters.q')} />,
    <ReferenceInput key="campaign" source="campaignId" reference="campaigns" alwaysOn>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="channel" source="channel" choices={channels} alwaysOn />,
    <ReferenceInput key="quota" source="quotaId" reference="reservation-quotas">
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="age" source="ageBand" choices={ageBands} />,
    <TextInput key="district" source="district" />,
    <NullableBooleanInput key="applied" source="applied" />,
    <JpDateInput key="from" source="reservedAt_gte" label="app.filters.from" />,
    <JpDateInput key="to" source="reservedAt_lte" label="app.filters.to" />,
  ];
}
