import { SearchInput, SelectInput, useTranslate } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { FRAUD_CHANNEL, FRAUD_STATUS, IMPERSONATED, NOTICE_STATE, REQUESTED_ITEM, SEVERITY } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function useFraudAlertFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.fraud-alerts.filters.q')} />,
    <SelectInput key="status" source="status" choices={useEnumChoices(FRAUD_STATUS)} alwaysOn />,
    <SelectInput key="severity" source="severity" choices={useEnumChoices(SEVERITY)} alwaysOn />,
    <SelectInput key="channel" source="channel" choices={useEnumChoices(FRAUD_CHANNEL)} />,
    <SelectInput key="impersonated" source="impersonated" choices={useEnumChoices(IMPERSONATED)} />,
    <SelectInput key="requestedItems" source="requestedItems" choices={useEnumChoices(REQUESTED_ITEM)} />,
    <SelectInput key="noticeState" source="noticeState" choices={useEnumChoices(NOTICE_STATE)} />,
    <JpDateInput key="from" source="reportedAt_gte" label="resources.fraud-alerts.filters.from" />,
    <JpDateInput key="to" source="reportedAt_lte" label="resources.fraud-alerts.filters.to" />,
  ];
}
