import { NullableBooleanInput, SearchInput, SelectInput, useTranslate } from 'react-admin';
import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function usePaymentServiceFilters() {
  const translate = useTranslate();
  const kinds = useEnumChoices(PAYMENT_SERVICE_KIND);
  const statuses = useEnumChoices(PAYMENT_SERVICE_STATUS);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.payment-services.filters.q')} />,
    <SelectInput key="kind" source="kind" choices={kinds} alwaysOn />,
    <SelectInput key="status" source="status" choices={statuses} />,
    <NullableBooleanInput key="pre" source="preRegistrationRequired" />,
  ];
}
