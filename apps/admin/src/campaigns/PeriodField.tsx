import { RecordContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { JpDateField } from '../common/dates';

/** 令和2年7月1日 〜 令和3年3月31日 */
export function PeriodField({ from, to }: { from: string; to: string; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <RecordContextProvider value={record}>
      <span style={{ whiteSpace: 'nowrap' }}>
        <JpDateField source={from} />
        {translate('app.punct.range')}
        <JpDateField source={to} />
      </span>
    </RecordContextProvider>
  );
}
PeriodField.displayName = 'PeriodField';
