import { Stack } from '@mui/material';
import { NumberInput, SelectInput, maxLength, minValue, required } from 'react-admin';
import { AGE_BAND, populationCountProblems } from '@mynapoint/domain';
import { DistrictInput } from '../common/DistrictInput';
import { JpDateInput } from '../common/JpDateInputs';
import { useEnumChoices } from '../common/enums';
import { noMyNumber } from '../common/validators';

/** The form's rule is the API's (libs/domain): counts of 0 or more, applications and cards within the population. */
export function validatePopulationFigure(values: Record<string, unknown>): Record<string, string> {
  const n = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : 0);
  const problems = populationCountProblems({ population: n('population'), cardApplications: n('cardApplications'), cardsIssued: n('cardsIssued') });
  return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, `resources.population-figures.validation.${problem}`]));
}

export function PopulationFigureInputs() {
  const ageBands = useEnumChoices(AGE_BAND);
  const count = [required(), minValue(0)];
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <JpDateInput source="asOf" validate={required()} helperText="resources.population-figures.helper.asOf" />
        <DistrictInput source="district" validate={[required(), maxLength(40), noMyNumber]} />
        <SelectInput source="ageBand" choices={ageBands} validate={required()} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <NumberInput source="population" min={0} step={1} validate={count} helperText="resources.population-figures.helper.counts" />
        <NumberInput source="cardApplications" min={0} step={1} validate={count} />
        <NumberInput source="cardsIssued" min={0} step={1} validate={count} />
      </Stack>
    </Stack>
  );
}
