import { Tooltip } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import { useLang } from './enums';

const timeFormat = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });

/**
 * A date (YYYY-MM-DD) or instant the way staff read it: the Japanese era in Japanese
 * (令和2年9月1日), the Gregorian date on hover and in English.
 */
export function JpDateField({ source, showTime }: FieldProps & { showTime?: boolean }) {
  const record = useRecordContext();
  const lang = useLang();
  const value = record?.[source] as string | undefined | null;
  if (!value) return null;
  const isInstant = value.length > 10;
  const date = isInstant ? toJstDate(new Date(value)) : value;
  const time = isInstant && showTime ? ` ${timeFormat.format(new Date(value))}` : '';
  if (lang === 'en') return <span>{date + time}</span>;
  return (
    <Tooltip title={date + time}>
      <span>{formatJapaneseEraDate(date) + time}</span>
    </Tooltip>
  );
}
JpDateField.displayName = 'JpDateField';
