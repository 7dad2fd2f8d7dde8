import { Box, Chip, FormHelperText, FormLabel } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import { FieldTitle, useInput, useTranslate } from 'react-admin';
import { REQUESTED_ITEM, type RequestedItem } from '@mynapoint/domain';
import { useLang } from '../common/enums';

// One click per item: chips toggle on and off, so a report takes seconds.
export function RequestedItemsInput({ source = 'requestedItems' }: { source?: string }) {
  const { field, fieldState } = useInput({ source, defaultValue: [] });
  const lang = useLang();
  const translate = useTranslate();
  const selected: RequestedItem[] = Array.isArray(field.value) ? field.value : [];
  const toggle = (item: RequestedItem) =>
    field.onChange(selected.includes(item) ? selected.filter((i) => i !== item) : REQUESTED_ITEM.values.filter((v) => v === item || selected.includes(v)));
  return (
    <Box sx={{ my: 1 }} role="group" aria-labelledby="requested-items-label">
      <FormLabel id="requested-items-label" sx={{ fontSize: 12 }}>
        <FieldTitle source={source} resource="fraud-alerts" />
      </FormLabel>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>
        {REQUESTED_ITEM.values.map((item) => {
          const on = selected.includes(item);
          return (
            <Chip
              key={item}
              label={REQUESTED_ITEM.label(item, lang)}
              icon={on ? <CheckIcon /> : undefined}
              color={on ? 'primary' : 'default'}
              variant={on ? 'filled' : 'outlined'}
              onClick={() => toggle(item)}
              aria-pressed={on}
              data-testid={`item-${item}`}
            />
          );
        })}
      </Box>
      <FormHelperText error={Boolean(fieldState.error)}>
        {fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : translate('resources.fraud-alerts.helper.requestedItems')}
      </FormHelperText>
    </Box>
  );
}
