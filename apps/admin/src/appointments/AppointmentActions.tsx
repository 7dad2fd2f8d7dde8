import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Confirm, EditButton, TopToolbar, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate, type HttpError } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

const T = 'resources.appointments';

function message(e: unknown) {
  return ((e as HttpError).body as { message?: string } | undefined)?.message ?? (e as Error).message;
}

// A booked appointment: check in (opens the prefilled visit record), cancel (with a confirmation), edit (move, party).
export function AppointmentActions() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess: mayEdit } = useCanAccess({ resource: 'appointments', action: 'edit' });
  const { canAccess: mayCheckIn } = useCanAccess({ resource: 'appointments', action: 'check_in' });
  const [confirm, setConfirm] = useState(false);
  const booked = record?.status === 'booked';

  const checkIn = async () => {
    try {
      const done = await dataProvider.postJson<{ assistanceRecordId: number }>(`appointments/${record!.id}/check-in`);
      notify(`${T}.checked_in`, { type: 'success' });
      navigate(`/assistance-records/${done.assistanceRecordId}`);
    } catch (e) {
      notify(message(e), { type: 'error', autoHideDuration: 8000 });
      refresh();
    }
  };
  const cancel = async () => {
    setConfirm(false);
    try {
      await dataProvider.update('appointments', { id: record!.id, data: { status: 'cancelled' }, previousData: record! });
      notify('resources.desks.today.cancelled', { type: 'info' });
    } catch (e) {
      notify(message(e), { type: 'error', autoHideDuration: 8000 });
    }
    refresh();
  };

  return (
    <TopToolbar>
      {mayCheckIn && booked ? (
        <Button size="small" variant="contained" startIcon={<EventAvailableIcon />} onClick={() => void checkIn()} data-testid="check-in">
          {translate('resources.desks.today.check_in')}
        </Button>
      ) : null}
      {mayEdit && booked ? (
        <>
          <Button size="small" color="error" onClick={() => setConfirm(true)}>
            {translate('resources.desks.today.cancel.button')}
          </Button>
          <EditButton />
        </>
      ) : null}
      <Confirm
        isOpen={confirm}
        title="resources.desks.today.cancel.title"
        content={translate('resources.desks.today.cancel.body', { name: record?.residentName ?? `#${record?.id ?? ''}` })}
        confirm="resources.desks.today.cancel.confirm"
        onConfirm={() => void cancel()}
        onClose={() => setConfirm(false)}
      />
    </TopToolbar>
  );
}
