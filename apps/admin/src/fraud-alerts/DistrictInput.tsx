import { Box, Chip } from '@mui/material';
import { TextInput, maxLength } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useCity } from '../common/city';
import { noMyNumber } from '../common/validators';

// Free text (≤ 40), with the city's districts one click away.
export function DistrictInput({ source = 'district' }: { source?: string }) {
  const { districts } = useCity();
  const { setValue } = useFormContext();
  const value = useWatch({ name: source });
  return (
    <Box>
      <TextInput source={source} validate={[maxLength(40), noMyNumber]} helperText="resources.fraud-alerts.helper.district" sx={{ minWidth: 300 }} />
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: -0.5, mb: 1 }}>
        {districts.map((d) => (
          <Chip key={d} size="small" label={d} variant={value === d ? 'filled' : 'outlined'} color={value === d ? 'primary' : 'default'} onClick={() => setValue(source, d, { shouldDirty: true })} />
        ))}
      </Box>
    </Box>
  );
}
