import { useCanAccess, useGetIdentity, useRecordContext } from 'react-admin';
import { isWithinCounterEditWindow, scopeOf, type Role } from '@mynapoint/domain';

/** Whether the signed-in user may change this record now (the server decides anyway). */
export function useEditWindow(): { editable: boolean; locked: boolean } {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccess({ resource: 'assistance-records', action: 'edit', record });
  const role = identity?.role as Role | undefined;
  // Counter staff: only on the day the record was logged.
  const locked = Boolean(record && role && scopeOf(role, 'assistance-records') === 'own' && !isWithinCounterEditWindow(new Date(record.createdAt), new Date()));
  return { editable: Boolean(canAccess) && !locked, locked };
}
