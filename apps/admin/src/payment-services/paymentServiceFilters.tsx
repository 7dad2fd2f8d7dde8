import { NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';
import { PAYMENT_SERVICE_KIND, PAYMENT_SERVICE_STATUS } from '@mynapoint/domain';
import { useEnumChoices } from '../common/enums';

export function usePaymentServiceFilters() {
  const kinds = useEnumChoices(PAYMENT_SERVICE_KIND);
  const statuses = useEnumChoices(PAYMENT_SERVICE_STATUS);
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder="サービス名・事業者" />,
    <SelectInput key="kind" source="kind" choices={kinds} alwaysOn />,
    <SelectInput key="status" source="status" choices={statuses} />,
    <NullableBooleanInput key="pre" source="preRegistrationRequired" />,
  ];
}
