import { ReferenceField, useRecordContext, type FieldProps } from 'react-admin';
import { JpDateField } from '../common/dates';
import { jstTime } from '../desks/board';

/** When the booking is: the record's own startsAt when the API sends it, else its slot's. */
export function SlotTimeField(_props: Partial<FieldProps>) {
  const record = useRecordContext();
  if (!record) return null;
  if (record.startsAt) {
    return (
      <span>
        <JpDateField source="startsAt" /> {jstTime(record.startsAt)}
      </span>
    );
  }
  return (
    <ReferenceField source="slotId" reference="appointment-slots" link={false}>
      <JpDateField source="startsAt" showTime />
    </ReferenceField>
  );
}
