import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { ASSISTANCE_OUTCOME, UNABLE_REASON } from '@mynapoint/domain';
import { useLang } from '../common/enums';

const COLORS = { completed: 'success', follow_up: 'warning', unable: 'error' } as const;

/** The outcome as a chip, with the reason under it when the visit was "unable". */
export function OutcomeField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  const lang = useLang();
  if (!record) return null;
  const outcome = record.outcome as keyof typeof COLORS;
  return (
    <Stack sx={{ alignItems: 'flex-start', gap: 0.25 }}>
      <Chip size="small" variant="outlined" color={COLORS[outcome] ?? 'default'} label={ASSISTANCE_OUTCOME.label(outcome, lang)} />
      {record.unableReason ? (
        <Typography variant="caption" color="text.secondary">
          {UNABLE_REASON.label(record.unableReason, lang)}
        </Typography>
      ) : null}
    </Stack>
  );
}
