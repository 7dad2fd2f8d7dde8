import { SearchInput, SelectInput, useTranslate } from 'react-admin';
import { AGE_BAND } from '@mynapoint/domain';
import { JpDateInput } from '../common/JpDateInputs';
import { useEnumChoices } from '../common/enums';

export function usePopulationFigureFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.population-figures.filters.q')} />,
    <JpDateInput key="asOf" source="asOf" alwaysOn />,
    <SelectInput key="ageBand" source="ageBand" choices={useEnumChoices(AGE_BAND)} alwaysOn />,
    <JpDateInput key="from" source="asOf_gte" label="resources.population-figures.filters.from" />,
    <JpDateInput key="to" source="asOf_lte" label="resources.population-figures.filters.to" />,
  ];
}
