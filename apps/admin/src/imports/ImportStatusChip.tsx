import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { IMPORT_STATUS, type ImportStatus } from '@mynapoint/domain';
import { useLang } from '../common/enums';

const COLOR: Record<ImportStatus, 'default' | 'info' | 'success' | 'error'> = { queued: 'default', running: 'info', done: 'success', failed: 'error' };

export function ImportStatusChip({ status }: { status?: ImportStatus }) {
  const record = useRecordContext<{ status: ImportStatus }>();
  const lang = useLang();
  const value = status ?? record?.status;
  if (!value) return null;
  return <Chip size="small" color={COLOR[value]} label={IMPORT_STATUS.label(value, lang)} data-testid="import-status" />;
}
