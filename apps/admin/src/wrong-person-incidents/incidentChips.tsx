import { Chip } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { INCIDENT_STATUS, type IncidentStatus } from '@mynapoint/domain';
import { useLang } from '../common/enums';

// Same colours as the fraud alerts' statuses ('info' is below AA under white text).
const STATUS_COLOR: Record<IncidentStatus, 'primary' | 'warning' | 'secondary' | 'default'> = {
  new: 'primary',
  investigating: 'warning',
  reported: 'secondary',
  closed: 'default',
};

export function IncidentStatusChip({ value }: { value: IncidentStatus }) {
  const lang = useLang();
  return <Chip size="small" color={STATUS_COLOR[value]} variant={value === 'closed' ? 'outlined' : 'filled'} label={INCIDENT_STATUS.label(value, lang)} />;
}

export function IncidentStatusField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  return record?.status ? <IncidentStatusChip value={record.status as IncidentStatus} /> : null;
}
