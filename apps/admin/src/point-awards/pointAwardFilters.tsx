import { NullableBooleanInput, ReferenceInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { JpDateInput } from '../common/JpDateInputs';
import { POINT_AWARD_KIND } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function usePointAwardFilters() {
  const translate = useTranslate();
  const kinds = useEnumChoices(POINT_AWARD_KIND);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.point-awards.filters.q')} />,
    <ReferenceInput key="service" source="paymentServiceId" reference="payment-services" sort={{ field: 'name', order: 'ASC' }} perPage={200} alwaysOn>
      <SelectInput optionText="name" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <SelectInput key="kind" source="kind" choices={kinds} alwaysOn />,
    <JpDateInput key="from" source="transactionDate_gte" label="resources.point-awards.filters.from" alwaysOn />,
    <JpDateInput key="to" source="transactionDate_lte" label="resources.point-awards.filters.to" alwaysOn />,
    <NullableBooleanInput key="cap" source="capReached" alwaysOn />,
  ];
}
