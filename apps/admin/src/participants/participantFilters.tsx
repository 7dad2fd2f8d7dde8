import { AutocompleteInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { AGE_BAND, CHANNEL } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function useParticipantFilters() {
  const translate = useTranslate();
  const channels = useEnumChoices(CHANNEL);
  const ageBands = useEnumChoices(AGE_BAND);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.participants.filters.q')} />,
    <ReferenceInput key="campaign" source="campaignId" reference="campaigns" alwaysOn>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <TextInput key="district" source="district" alwaysOn />,
    <SelectInput key="age" source="ageBand" choices={ageBands} alwaysOn />,
    <ReferenceInput key="service" source="paymentServiceId" reference="payment-services">
      <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <SelectInput key="channel" source="channel" choices={channels} />,
    <NullableBooleanInput key="applied" source="applied" label="resources.reservations.fields.applied" />,
    <NullableBooleanInput key="cap" source="capReached" />,
  ];
}
