import { AutocompleteInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { CHANNEL } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function useApplicationFilters() {
  const translate = useTranslate();
  const channels = useEnumChoices(CHANNEL);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.applications.filters.q')} />,
    <ReferenceInput key="campaign" source="campaignId" reference="campaigns" alwaysOn>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="service" source="paymentServiceId" reference="payment-services" alwaysOn>
      <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <SelectInput key="channel" source="channel" choices={channels} />,
    <NullableBooleanInput key="pre" source="preRegistered" />,
    <JpDateInput key="from" source="appliedAt_gte" label="app.filters.from" />,
    <JpDateInput key="to" source="appliedAt_lte" label="app.filters.to" />,
  ];
}
