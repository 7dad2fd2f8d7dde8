import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

// 再申込（削除後）: this person's earlier application was deleted; the service stays the same.
export function ReapplicationChip(_props: { source: 'reapplication'; label?: string }) {
  const record = useRecordContext<{ reapplication?: boolean }>();
  const translate = useTranslate();
  if (!record?.reapplication) return null;
  return <Chip size="small" color="warning" variant="outlined" label={translate('resources.applications.fields.reapplication')} data-testid="reapplication-chip" />;
}
