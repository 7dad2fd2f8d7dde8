import { NumberInput, ReferenceInput, SelectInput, maxValue, minValue, required, useGetOne } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { JpDateInput } from '../common/JpDateInputs';

/**
 * The measure applied for (one payment service per person per measure), the measures
 * of the chosen campaign only; and what its eligibility asks the resident to state:
 * when the card was applied for, or their age.
 */
export function ApplicationMeasureInputs() {
  const campaignId = useWatch({ name: 'campaignId' }) as number | undefined;
  const measureId = useWatch({ name: 'measureId' }) as number | undefined;
  const { data: measure } = useGetOne<{ id: number; eligibility?: string }>('measures', { id: measureId! }, { enabled: Boolean(measureId) });
  return (
    <>
      <ReferenceInput source="measureId" reference="measures" filter={campaignId ? { campaignId } : {}} sort={{ field: 'applicationOpensOn', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" helperText="resources.applications.helper.measureId" sx={{ minWidth: 320 }} />
      </ReferenceInput>
      {measure?.eligibility === 'card_applied_by' ? <JpDateInput source="cardAppliedOn" validate={required()} helperText="resources.applications.helper.cardAppliedOn" /> : null}
      {measure?.eligibility === 'residents_by_age' ? (
        <NumberInput source="age" min={0} max={130} step={1} validate={[required(), minValue(0), maxValue(130)]} helperText="resources.applications.helper.age" sx={{ maxWidth: 200 }} />
      ) : null}
    </>
  );
}
