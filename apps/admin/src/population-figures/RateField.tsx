import { useRecordContext } from 'react-admin';
import { formatRate, ratePercent } from '@mynapoint/domain';

/** A figure's rate (100 × count / population, one decimal, half up), with the API's own rule. */
export function RateField({ count }: { count: 'cardApplications' | 'cardsIssued'; source?: string }) {
  const record = useRecordContext<{ population: number; cardApplications: number; cardsIssued: number }>();
  if (!record) return null;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatRate(ratePercent(record[count], record.population))}</span>;
}
