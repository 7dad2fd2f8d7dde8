import { Chip, Stack } from '@mui/material';
import { TextField, useRecordContext, useTranslate } from 'react-admin';

// 「国」 on a national reference row (payment services, campaigns): the operator keeps it,
// a municipality reads it. The edit and delete buttons hide themselves (authProvider).
export function NationalChip() {
  const record = useRecordContext<{ national?: boolean }>();
  const translate = useTranslate();
  if (!record?.national) return null;
  return <Chip size="small" color="info" variant="outlined" label={translate('app.reference.national')} aria-label={translate('app.reference.national_label')} title={translate('app.reference.national_label')} />;
}

/** A list's name cell: the name, and 「国」 after it on a national row (no column of its own: lists are wide already). */
export function NameWithNationalChip() {
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
      <TextField source="name" />
      <NationalChip />
    </Stack>
  );
}
