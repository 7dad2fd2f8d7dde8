import { Chip } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { FRAUD_STATUS, SEVERITY, type FraudStatus, type Severity } from '@mynapoint/domain';
import { useLang } from '../common/enums';

const SEVERITY_COLOR: Record<Severity, 'error' | 'warning' | 'default'> = { high: 'error', medium: 'warning', low: 'default' };
// 'info' (#0288d1) under white text is 3.85:1, below WCAG AA: new reports use primary.
const STATUS_COLOR: Record<FraudStatus, 'primary' | 'warning' | 'secondary' | 'default'> = {
  new: 'primary',
  investigating: 'warning',
  referred_police: 'secondary',
  closed: 'default',
};

export function SeverityChip({ value }: { value: Severity }) {
  const lang = useLang();
  return <Chip size="small" color={SEVERITY_COLOR[value]} label={SEVERITY.label(value, lang)} variant={value === 'low' ? 'outlined' : 'filled'} />;
}

export function StatusChip({ value }: { value: FraudStatus }) {
  const lang = useLang();
  return <Chip size="small" color={STATUS_COLOR[value]} label={FRAUD_STATUS.label(value, lang)} variant={value === 'closed' ? 'outlined' : 'filled'} />;
}

export function SeverityField(_props: FieldProps) {
  const record = useRecordContext();
  return record?.severity ? <SeverityChip value={record.severity} /> : null;
}

export function StatusField(_props: FieldProps) {
  const record = useRecordContext();
  return record?.status ? <StatusChip value={record.status} /> : null;
}
