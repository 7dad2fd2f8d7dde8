import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import DirectionsWalkIcon from '@mui/icons-material/DirectionsWalk';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Skeleton,
  Stack,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useMemo, useState } from 'react';
import { Link, Title, useCanAccess, useDataProvider, useGetList, useNotify, useStore, useTranslate, type HttpError } from 'react-admin';
import { ASSISTANCE_TYPE, formatJapaneseEraDate, toJstDate } from '@mynapoint/domain';
import { useLang } from '../common/enums';
import type { AppDataProvider } from '../dataProvider';
import { newIdempotencyKey } from '../assistance-records/quickEntry';
import { boardState, bookableSlots, jstTime, nextOpenSlot, pendingNoShows, summarize, walkInSlot, type BoardAppointment, type BoardSlot, type BoardState } from './board';
import { BookingForm } from './BookingForm';
import { toAppointmentBody, type BookingValues } from './booking';

export { TODAY_BOARD_PATH } from './board';
const T = 'resources.desks.today';

interface Desk {
  id: number;
  name: string;
  office: string;
  place: string | null;
  opensOn: string | null;
  closesOn: string | null;
  active: boolean;
}

/** GET /api/desks/:id/today */
export interface DeskToday {
  deskId: number;
  deskName: string;
  date: string;
  /** Whether names and phone numbers are in (not for managers: counts only). */
  contactVisible: boolean;
  slots: BoardSlot[];
}

const STATE_COLOR: Record<BoardState, 'default' | 'success' | 'warning' | 'error' | 'info'> = {
  expected: 'info',
  late: 'warning',
  arrived: 'success',
  no_show: 'error',
  cancelled: 'default',
};

function errorMessage(e: unknown): string {
  const body = (e as HttpError).body as { message?: string } | undefined;
  return body?.message ?? (e as Error).message;
}

// 本日の予約: per desk, today's slots with who is booked, arrived and late; a booking
// form for the phone and the desk; walk-ins; check-in opens the visit record the API
// prefilled; the day's end marks the no-shows; the printable day sheet.
export function TodayBoard() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess: mayBook } = useCanAccess({ resource: 'appointments', action: 'create' });
  const { canAccess: mayEdit } = useCanAccess({ resource: 'appointments', action: 'edit' });
  // Checking in opens a visit record: the roles that log visits (counter, admin).
  const { canAccess: mayCheckIn } = useCanAccess({ resource: 'appointments', action: 'check_in' });
  const today = toJstDate(new Date());

  const desks = useGetList<Desk>('desks', { filter: { active: true }, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 50 } });
  const [storedDesk, setDesk] = useStore<number | null>('desks.today.desk', null);
  // The desks that run today: a pop-up desk only between its dates.
  const deskList = (desks.data ?? []).filter((d) => (!d.opensOn || d.opensOn <= today) && (!d.closesOn || today <= d.closesOn));
  const desk = deskList.find((d) => d.id === storedDesk) ?? deskList[0] ?? null;

  const board = useQuery({
    queryKey: ['desks', desk?.id, 'today', today],
    queryFn: () => dataProvider.getJson<DeskToday>(`desks/${desk!.id}/today`),
    enabled: desk != null,
    refetchInterval: 60_000,
  });
  const now = new Date();
  const slots = board.data?.slots ?? [];
  const personal = board.data?.contactVisible === true;
  const summary = summarize(slots, now);
  const [formKey, setFormKey] = useState(0);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), [formKey]);
  const bookable = bookableSlots(slots, now);
  const next = nextOpenSlot(slots, now);
  const defaults = useMemo<BookingValues>(
    () => ({ slotId: next ? String(next.id) : null, residentName: '', phone: '', purpose: [], partySize: '1', notes: '' }),
    // a new form (formKey) or another desk starts from the next open slot again
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [formKey, desk?.id, next?.id],
  );

  const book = async (values: BookingValues) => {
    try {
      await dataProvider.postJson('appointments', toAppointmentBody(values), { 'Idempotency-Key': idempotencyKey });
      const slot = slots.find((s) => String(s.id) === values.slotId);
      notify(`${T}.book.saved`, { type: 'success', messageArgs: { name: values.residentName.trim(), time: slot ? jstTime(slot.startsAt) : '' } });
      await board.refetch();
      setFormKey((k) => k + 1);
      return undefined;
    } catch (e) {
      notify(errorMessage(e), { type: 'error', autoHideDuration: 8000 });
      await board.refetch();
      return ((e as HttpError).body as { errors?: Record<string, string> } | undefined)?.errors;
    }
  };

  const checkIn = async (a: BoardAppointment) => {
    try {
      const done = await dataProvider.postJson<{ assistanceRecordId: number }>(`appointments/${a.id}/check-in`);
      notify(`${T}.checked_in`, { type: 'success', messageArgs: { name: a.residentName ?? `#${a.id}` } });
      // The visit record the API prefilled, to complete and save; saving comes back here.
      navigate(`/assistance-records/${done.assistanceRecordId}?back=today`);
    } catch (e) {
      notify(errorMessage(e), { type: 'error', autoHideDuration: 8000 });
      await board.refetch();
    }
  };

  const walkIn = async () => {
    const slot = walkInSlot(slots, now);
    if (!slot) return;
    try {
      const created = await dataProvider.postJson<{ id: number }>('appointments', { slotId: slot.id, walkIn: true, residentName: null, phone: null, purpose: ['inquiry'], partySize: 1, notes: null }, { 'Idempotency-Key': newIdempotencyKey() });
      await checkIn({ id: created.id, residentName: null } as BoardAppointment);
    } catch (e) {
      notify(errorMessage(e), { type: 'error', autoHideDuration: 8000 });
    }
  };

  const [cancelling, setCancelling] = useState<BoardAppointment | null>(null);
  const cancel = async () => {
    if (!cancelling) return;
    try {
      await dataProvider.update('appointments', { id: cancelling.id, data: { status: 'cancelled' }, previousData: cancelling });
      notify(`${T}.cancelled`, { type: 'info' });
    } catch (e) {
      notify(errorMessage(e), { type: 'error', autoHideDuration: 8000 });
    }
    setCancelling(null);
    await board.refetch();
  };

  const [closing, setClosing] = useState(false);
  const pending = pendingNoShows(slots, now);
  const markNoShows = async () => {
    try {
      const res = await dataProvider.postJson<{ marked: number }>('appointments/no-shows', { deskId: desk!.id, date: today });
      notify(`${T}.no_shows.done`, { type: 'success', messageArgs: { count: res.marked, smart_count: res.marked } });
    } catch (e) {
      notify(errorMessage(e), { type: 'error', autoHideDuration: 8000 });
    }
    setClosing(false);
    await board.refetch();
  };

  const [sheetBusy, setSheetBusy] = useState(false);
  const daySheet = async () => {
    setSheetBusy(true);
    try {
      await dataProvider.downloadFile(`reports/day-sheet?deskId=${desk!.id}&date=${today}`, () => undefined);
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setSheetBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, mb: 4 }} data-testid="today-board">
      <Title title={translate(`${T}.title`)} />
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
          {translate(`${T}.title`)}
        </Typography>
        <Typography color="text.secondary">{formatJapaneseEraDate(today)}</Typography>
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        {translate(mayBook ? `${T}.intro` : `${T}.intro_read`)}
      </Typography>

      {desks.isPending ? (
        <Skeleton variant="rounded" height={48} />
      ) : !deskList.length ? (
        <Alert severity="info" data-testid="no-desks">
          {translate(`${T}.no_desks`)}
        </Alert>
      ) : (
        <Tabs value={desk?.id ?? false} onChange={(_, id: number) => setDesk(id)} variant="scrollable" scrollButtons="auto" aria-label={translate(`${T}.desks`)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
          {deskList.map((d) => (
            <Tab key={d.id} value={d.id} label={d.name} sx={{ textTransform: 'none' }} />
          ))}
        </Tabs>
      )}

      {desk ? (
        <>
          <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 2 }} data-testid="board-summary" aria-live="polite">
            <Chip label={translate(`${T}.summary.seats`, { seats: summary.seats, capacity: summary.capacity })} color="primary" />
            <Chip label={translate(`${T}.summary.arrived`, { count: summary.arrived })} color="success" variant="outlined" />
            <Chip label={translate(`${T}.summary.late`, { count: summary.late })} color={summary.late ? 'warning' : 'default'} variant="outlined" />
            <Chip label={translate(`${T}.summary.expected`, { count: summary.expected })} variant="outlined" />
            <Chip label={translate(`${T}.summary.walk_ins`, { count: summary.walkIns })} variant="outlined" />
            <Chip label={translate(`${T}.summary.no_show`, { count: summary.noShow })} variant="outlined" />
            <Box sx={{ flex: 1 }} />
            {mayBook && mayCheckIn ? (
              <Button variant="outlined" startIcon={<DirectionsWalkIcon />} onClick={() => void walkIn()} disabled={!walkInSlot(slots, now)} data-testid="walk-in">
                {translate(`${T}.walk_in`)}
              </Button>
            ) : null}
            <Button variant="outlined" startIcon={<PictureAsPdfIcon />} onClick={() => void daySheet()} disabled={sheetBusy} data-testid="day-sheet">
              {translate(`${T}.day_sheet`)}
            </Button>
            {mayEdit ? (
              <Button variant="outlined" color="error" onClick={() => setClosing(true)} disabled={!pending.length} data-testid="mark-no-shows">
                {translate(`${T}.no_shows.button`)}
              </Button>
            ) : null}
          </Stack>

          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: mayBook ? 'minmax(0, 3fr) minmax(320px, 2fr)' : 'minmax(0, 1fr)' }, gap: 3, alignItems: 'start' }}>
            <Box>
              {board.isPending ? (
                <Skeleton variant="rounded" height={360} />
              ) : board.error ? (
                <Alert severity="error">{errorMessage(board.error)}</Alert>
              ) : !slots.length ? (
                <Alert severity="info" data-testid="no-slots">
                  {translate(`${T}.no_slots`)}
                </Alert>
              ) : (
                <SlotTable slots={slots} now={now} personal={personal} mayEdit={Boolean(mayEdit)} mayCheckIn={Boolean(mayCheckIn)} onCheckIn={checkIn} onCancel={setCancelling} />
              )}
            </Box>
            {mayBook ? (
              <Stack sx={{ gap: 2 }}>
                {board.data ? <BookingForm key={`${desk.id}-${formKey}`} slots={bookable} defaults={defaults} onSave={book} /> : <Skeleton variant="rounded" height={360} />}
                <Card variant="outlined">
                  <CardContent>
                    <Typography variant="overline">{translate('app.counter.keyboard')}</Typography>
                    <Typography variant="body2">{translate(`${T}.keyboard`)}</Typography>
                  </CardContent>
                </Card>
              </Stack>
            ) : null}
          </Box>
        </>
      ) : null}

      <Dialog open={Boolean(cancelling)} onClose={() => setCancelling(null)} aria-labelledby="cancel-title">
        <DialogTitle id="cancel-title">{translate(`${T}.cancel.title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(`${T}.cancel.body`, { name: cancelling?.residentName ?? `#${cancelling?.id ?? ''}` })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setCancelling(null)} autoFocus>
            {translate('ra.action.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={() => void cancel()} data-testid="cancel-confirm">
            {translate(`${T}.cancel.confirm`)}
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog open={closing} onClose={() => setClosing(false)} aria-labelledby="no-show-title">
        <DialogTitle id="no-show-title">{translate(`${T}.no_shows.title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(`${T}.no_shows.body`, { count: pending.length })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setClosing(false)} autoFocus>
            {translate('ra.action.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={() => void markNoShows()} data-testid="no-shows-confirm">
            {translate(`${T}.no_shows.confirm`)}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

interface TableProps {
  slots: BoardSlot[];
  now: Date;
  personal: boolean;
  mayEdit: boolean;
  mayCheckIn: boolean;
  onCheckIn: (a: BoardAppointment) => void;
  onCancel: (a: BoardAppointment) => void;
}

// One table for the day: a header row per slot (time, seats), a row per booking.
function SlotTable({ slots, now, personal, mayEdit, mayCheckIn, onCheckIn, onCancel }: TableProps) {
  const translate = useTranslate();
  const lang = useLang();
  const th = { textAlign: 'left', p: 1, borderBottom: 2, borderColor: 'divider', whiteSpace: 'nowrap', fontSize: '0.875rem' } as const;
  const td = { p: 1, borderBottom: 1, borderColor: 'divider', verticalAlign: 'middle', fontSize: '0.875rem' } as const;
  const cols = personal ? 6 : 4;
  return (
    <>
      {personal ? null : (
        <Alert severity="info" sx={{ mb: 1 }} data-testid="contact-hidden">
          {translate(`${T}.hidden`)}
        </Alert>
      )}
    <Box sx={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={translate(`${T}.table`)}>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse' }} data-testid="slot-table">
        <caption style={{ position: 'absolute', left: -10000 }}>{translate(`${T}.table`)}</caption>
        <thead>
          <tr>
            {personal ? (
              <>
                <Box component="th" scope="col" sx={th}>{translate('resources.appointments.fields.residentName')}</Box>
                <Box component="th" scope="col" sx={th}>{translate('resources.appointments.fields.phone')}</Box>
              </>
            ) : null}
            <Box component="th" scope="col" sx={th}>{translate('resources.appointments.fields.purpose')}</Box>
            <Box component="th" scope="col" sx={th}>{translate(`${T}.col.party`)}</Box>
            <Box component="th" scope="col" sx={th}>{translate(`${T}.col.state`)}</Box>
            <Box component="th" scope="col" sx={th}>{translate(`${T}.col.actions`)}</Box>
          </tr>
        </thead>
        {slots.map((slot) => {
          const live = slot.appointments.filter((a) => a.status !== 'cancelled');
          const begun = Date.parse(slot.startsAt) <= now.getTime();
          return (
            <tbody key={slot.id} data-testid={`slot-${slot.id}`}>
              <tr>
                <Box component="th" scope="rowgroup" colSpan={cols} sx={{ ...td, textAlign: 'left', bgcolor: 'action.hover', fontWeight: 700 }}>
                  {jstTime(slot.startsAt)}–{jstTime(slot.endsAt)}
                  <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 2 }}>
                    {translate(`${T}.slot_seats`, { booked: slot.booked, capacity: slot.capacity })}
                  </Typography>
                </Box>
              </tr>
              {live.length ? (
                live.map((a) => {
                  const state = boardState(a, slot, now);
                  return (
                    <tr key={a.id} data-testid={`appointment-${a.id}`} data-state={state}>
                      {personal ? (
                        <>
                          <Box component="td" sx={{ ...td, fontWeight: 700, whiteSpace: 'nowrap' }}>
                            {a.walkIn ? <Chip size="small" label={translate(`${T}.walk_in_chip`)} sx={{ mr: 1 }} /> : null}
                            {a.residentName ?? (a.walkIn ? '' : translate(`${T}.erased`))}
                          </Box>
                          <Box component="td" sx={{ ...td, whiteSpace: 'nowrap' }}>{a.phone ?? '—'}</Box>
                        </>
                      ) : null}
                      <Box component="td" sx={td}>
                        {!personal && a.walkIn ? <Chip size="small" label={translate(`${T}.walk_in_chip`)} sx={{ mr: 1 }} /> : null}
                        {a.purpose.map((p) => ASSISTANCE_TYPE.label(p, lang)).join(translate('app.punct.list'))}</Box>
                      <Box component="td" sx={td}>{a.partySize}</Box>
                      <Box component="td" sx={td}>
                        <Chip size="small" color={STATE_COLOR[state]} label={translate(`${T}.state.${state}`)} />
                      </Box>
                      <Box component="td" sx={{ ...td, whiteSpace: 'nowrap' }}>
                        {state === 'arrived' && a.assistanceRecordId ? (
                          <Button size="small" component={Link} to={`/assistance-records/${a.assistanceRecordId}?back=today&start=now`} data-testid={`open-record-${a.id}`}>
                            {translate(`${T}.open_record`)}
                          </Button>
                        ) : null}
                        {mayCheckIn && (state === 'expected' || state === 'late') ? (
                          <Button size="small" variant="contained" startIcon={<EventAvailableIcon />} onClick={() => onCheckIn(a)} data-testid={`check-in-${a.id}`} sx={{ mr: 1 }}>
                            {translate(`${T}.check_in`)}
                          </Button>
                        ) : null}
                        {mayEdit && (state === 'expected' || state === 'late') ? (
                          <Button size="small" color="error" onClick={() => onCancel(a)} data-testid={`cancel-${a.id}`}>
                            {translate(`${T}.cancel.button`)}
                          </Button>
                        ) : null}
                      </Box>
                    </tr>
                  );
                })
              ) : (
                <tr>
                  <Box component="td" colSpan={cols} sx={{ ...td, color: 'text.secondary' }}>
                    {translate(begun ? `${T}.slot_empty_past` : `${T}.slot_empty`)}
                  </Box>
                </tr>
              )}
            </tbody>
          );
        })}
      </Box>
    </Box>
    </>
  );
}
