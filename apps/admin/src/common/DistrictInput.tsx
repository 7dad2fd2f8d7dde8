import { Box, Chip } from '@mui/material';
import { useId } from 'react';
import { TextInput, maxLength, type TextInputProps } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useSettings } from './settings';
import { noMyNumber } from './validators';

type Props = Omit<TextInputProps, 'source'> & {
  source?: string;
  /** Also show the districts as one-click chips (forms filled with the mouse). */
  chips?: boolean;
};

/** Free text (≤ 40 characters, API.md) with the city's districts suggested. */
export function DistrictInput({ source = 'district', chips, ...props }: Props) {
  const { districts } = useSettings();
  const listId = useId();
  return (
    <Box>
      <TextInput source={source} validate={[maxLength(40), noMyNumber]} {...props} slotProps={{ htmlInput: { list: listId, autoComplete: 'off', maxLength: 40 } }} />
      <datalist id={listId}>
        {districts.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      {chips ? <DistrictChips source={source} districts={districts} /> : null}
    </Box>
  );
}

function DistrictChips({ source, districts }: { source: string; districts: string[] }) {
  const { setValue } = useFormContext();
  const value = useWatch({ name: source });
  return (
    <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: -0.5, mb: 1 }}>
      {districts.map((d) => (
        <Chip key={d} size="small" label={d} variant={value === d ? 'filled' : 'outlined'} color={value === d ? 'primary' : 'default'} onClick={() => setValue(source, d, { shouldDirty: true })} />
      ))}
    </Box>
  );
}
