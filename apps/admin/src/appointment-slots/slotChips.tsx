import { Chip } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { SLOT_STATUS, type SlotStatus } from '@mynapoint/domain';
import { useLang } from '../common/enums';

const COLOR: Record<SlotStatus, 'primary' | 'warning' | 'default'> = { open: 'primary', full: 'warning', past: 'default' };

export function SlotStatusField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  const lang = useLang();
  const status = record?.status as SlotStatus | undefined;
  if (!status) return null;
  return <Chip size="small" color={COLOR[status]} variant={status === 'past' ? 'outlined' : 'filled'} label={SLOT_STATUS.label(status, lang)} />;
}

/** "2 / 3" */
export function SeatsField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {record.booked} / {record.capacity}
    </span>
  );
}
