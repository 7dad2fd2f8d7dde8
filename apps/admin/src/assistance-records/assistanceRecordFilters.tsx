import { SearchInput, SelectInput, useTranslate } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { ASSISTANCE_OUTCOME, ASSISTANCE_TYPE, OFFICE, UNABLE_REASON } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function useAssistanceRecordFilters() {
  const translate = useTranslate();
  const offices = useEnumChoices(OFFICE);
  const types = useEnumChoices(ASSISTANCE_TYPE);
  const outcomes = useEnumChoices(ASSISTANCE_OUTCOME);
  const reasons = useEnumChoices(UNABLE_REASON);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.assistance-records.filters.q')} />,
    <JpDateInput key="from" source="visitedAt_gte" label="resources.assistance-records.filters.from" alwaysOn />,
    <JpDateInput key="to" source="visitedAt_lte" label="resources.assistance-records.filters.to" alwaysOn />,
    <SelectInput key="types" source="assistanceTypes" choices={types} />,
    <SelectInput key="outcome" source="outcome" choices={outcomes} />,
    <SelectInput key="reason" source="unableReason" choices={reasons} />,
    <SelectInput key="office" source="office" choices={offices} />,
  ];
}
