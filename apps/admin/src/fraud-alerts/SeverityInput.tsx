import { Box, Typography } from '@mui/material';
import { useEffect } from 'react';
import { SelectInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { SEVERITY, SEVERITY_RANK, defaultFraudSeverity, type RequestedItem, type Severity } from '@mynapoint/domain';
import { useEnumChoices, useLang } from '../common/enums';
import { SeverityChip } from './fraudAlertChips';

function useFloor(): Severity {
  const [damageYen, requestedItems] = useWatch({ name: ['damageYen', 'requestedItems'] }) as [number | null, RequestedItem[] | null];
  return defaultFraudSeverity({ damageYen: Number(damageYen) || 0, requestedItems: requestedItems ?? [] });
}

/**
 * Severity as the server rules it: the rule's default follows the facts as they are
 * typed, and only levels from that floor upwards can be chosen.
 */
export function SeverityInput() {
  const floor = useFloor();
  const lang = useLang();
  const translate = useTranslate();
  const { setValue, getValues } = useFormContext();
  const choices = useEnumChoices(SEVERITY, SEVERITY.values.filter((s) => SEVERITY_RANK[s] >= SEVERITY_RANK[floor]));
  useEffect(() => {
    const current = getValues('severity') as Severity | undefined;
    if (!current || SEVERITY_RANK[current] < SEVERITY_RANK[floor]) setValue('severity', floor, { shouldDirty: true });
  }, [floor, getValues, setValue]);
  return (
    <SelectInput
      source="severity"
      choices={choices}
      helperText={translate('resources.fraud-alerts.helper.severity', { floor: SEVERITY.label(floor, lang) })}
      sx={{ maxWidth: 320 }}
    />
  );
}

/** For roles that record but do not judge: the automatic severity, shown, not chosen. */
export function SeverityPreview() {
  const floor = useFloor();
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, my: 1 }} data-testid="severity-preview">
      <Typography variant="body2" color="text.secondary">
        {translate('resources.fraud-alerts.helper.severityAuto')}
      </Typography>
      <SeverityChip value={floor} />
    </Box>
  );
}
