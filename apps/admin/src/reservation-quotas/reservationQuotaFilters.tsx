import { ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { QUOTA_STATUS } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function useReservationQuotaFilters() {
  const translate = useTranslate();
  const statuses = useEnumChoices(QUOTA_STATUS);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.reservation-quotas.filters.q')} />,
    <ReferenceInput key="campaign" source="campaignId" reference="campaigns" alwaysOn>
      <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
  ];
}
