import { Stack } from '@mui/material';
import { NumberInput, SelectInput, maxValue, minValue, required } from 'react-admin';
import { BENCHMARK_SCOPE } from '@mynapoint/domain';
import { JpDateInput } from '../common/JpDateInputs';
import { useEnumChoices } from '../common/enums';

export function BenchmarkRateInputs() {
  const rate = [required(), minValue(0), maxValue(100)];
  return (
    <Stack sx={{ width: '100%', maxWidth: 720 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <JpDateInput source="asOf" validate={required()} />
        <SelectInput source="scope" choices={useEnumChoices(BENCHMARK_SCOPE)} validate={required()} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, flexWrap: 'wrap' }}>
        <NumberInput source="applicationRatePercent" min={0} max={100} step={0.1} validate={rate} helperText="resources.benchmark-rates.helper.rate" />
        <NumberInput source="issuanceRatePercent" min={0} max={100} step={0.1} validate={rate} helperText="resources.benchmark-rates.helper.rate" />
      </Stack>
    </Stack>
  );
}
