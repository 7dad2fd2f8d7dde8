import { Injectable } from '@nestjs/common';
import {
  APPOINTMENT_STATUS,
  LATE_AFTER_MINUTES,
  canSeeResidentContact,
  deskAssistanceOffice,
  isIsoDate,
  minutesLate,
  purposeRefusedAtDesk,
  slotStatus,
  toJstDate,
  type AppointmentStatus,
  type AssistanceType,
  type DeskOffice,
} from '@mynapoint/domain';
import { AppointmentSlotsService } from '../appointment-slots/appointment-slots.service';
import { AssistanceRecordsService } from '../assistance-records/assistance-records.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { AuditService } from '../common/audit/audit.service';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { ListResult } from '../common/list/list-result';
import { AppointmentError, AppointmentException } from './appointment.exception';
import { AppointmentRecord, AppointmentsRepository, CONTACT_FIELDS, DeskInfo, LockedAppointment, appointmentsTable as table } from './appointments.repository';
import { CreateAppointmentDto, DeskDayDto, TodayAppointmentDto, TodaySlotDto, UpdateAppointmentDto } from './dto/appointment.dto';

const PLAIN = ['residentName', 'phone', 'purpose', 'notes'] as const;

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly repo: AppointmentsRepository,
    private readonly slots: AppointmentSlotsService,
    private readonly assistance: AssistanceRecordsService,
    private readonly audit: AuditService,
  ) {}

  async list(q: ListQuery, user: AuthUser): Promise<ListResult<AppointmentRecord>> {
    if (!canSeeResidentContact(user.role)) refuseContactQuery(q);
    const page = await this.repo.list(q);
    if (canSeeResidentContact(user.role)) return page;
    return new ListResult(page.resource, page.data.map(masked), page.total, page.start);
  }

  async get(id: number, user: AuthUser): Promise<AppointmentRecord> {
    const record = await this.repo.getOrFail(id);
    return canSeeResidentContact(user.role) ? record : masked(record);
  }

  async create(dto: CreateAppointmentDto, user: AuthUser): Promise<AppointmentRecord> {
    const slot = await this.repo.slotDesk(dto.slotId);
    if (!slot) throw await this.slots.refusal(dto.slotId, dto.partySize ?? 1);
    checkPurpose(slot.office, dto.purpose);
    const row: Record<string, unknown> & { slotId: number; partySize: number; bookedBy: number } = { ...normalize(dto), slotId: dto.slotId, partySize: dto.partySize ?? 1, bookedBy: user.id };

    if (dto.walkIn) {
      // A walk-in is written on a slot of today, as the counter serves them; it takes no seat.
      if (toJstDate(slot.startsAt) !== toJstDate(new Date())) {
        throw new AppointmentException(AppointmentError.WalkInNotToday, '予約なしの来庁は当日の枠にだけ記録できます。', { slotId: '当日の枠を選んでください。' });
      }
      return this.get(await this.repo.insertWalkIn(row), user);
    }
    if (!row.residentName) throw nameRequired();
    const created = await this.repo.insertTakingSeats(row);
    if (!created) throw await this.slots.refusal(dto.slotId, row.partySize);
    return created;
  }

  /**
   * One transaction (the write interceptor's) under the appointment's row lock: a
   * cancel gives the seats back; a move or a new party size takes the new seats
   * (guarded, 409 when they are not there) and gives the old ones back, lower slot id
   * first so that two moves in opposite directions cannot deadlock. A refusal rolls
   * the whole step back: never both slots, never neither.
   */
  async update(id: number, dto: UpdateAppointmentDto, user: AuthUser): Promise<AppointmentRecord> {
    const current = await this.lockOrFail(id);
    const changes: Record<string, unknown> = normalize(dto);
    if ('residentName' in changes && changes.residentName === null && !current.walkIn && !current.erased) throw nameRequired();
    const cancel = dto.status !== undefined && dto.status !== current.status;
    if (cancel && dto.status !== 'cancelled') throw illegalStatus(current.status, dto.status!);

    const slotId = dto.slotId ?? current.slotId;
    const partySize = dto.partySize ?? current.partySize;
    const moves = slotId !== current.slotId || partySize !== current.partySize;
    if ((cancel || moves) && current.status !== 'booked') {
      throw new AppointmentException(
        AppointmentError.NotBooked,
        `「${APPOINTMENT_STATUS.label(current.status)}」の予約は${cancel ? 'キャンセル' : '変更'}できません（予約済みの予約だけが対象です）。`,
      );
    }

    if (moves) {
      const target = slotId === current.slotId ? { office: current.office } : await this.repo.slotDesk(slotId);
      if (!target) throw await this.slots.refusal(slotId, partySize);
      checkPurpose(target.office, (changes.purpose as string[] | undefined) ?? current.purpose);
      if (!current.walkIn) await this.moveSeats(current, slotId, partySize);
      changes.slotId = slotId;
      changes.partySize = partySize;
    } else if (changes.purpose) {
      checkPurpose(current.office, changes.purpose as string[]);
    }
    if (Object.keys(changes).length) await this.repo.update(id, changes);
    if (cancel) await this.repo.cancel(id);
    return this.get(id, user);
  }

  async remove(id: number, user: AuthUser): Promise<AppointmentRecord> {
    const record = await this.get(id, user);
    await this.lockOrFail(id);
    await this.repo.delete(id);
    return record;
  }

  /**
   * Marks the resident as arrived and opens their visit record, prefilled from the
   * booking: the purpose as the assistance types, the desk as the office (a pop-up
   * desk counts as a branch office: deskAssistanceOffice), the slot's length as the
   * duration and the arrival as the visit's time (the counter sets the time the visit
   * began when it saves the record). The record is the clerk's own, editable that day.
   */
  async checkIn(id: number, user: AuthUser): Promise<AppointmentRecord> {
    const current = await this.lockOrFail(id);
    if (current.status === 'checked_in') throw new AppointmentException(AppointmentError.AlreadyCheckedIn, 'この予約は既に来庁済みです。');
    if (current.status === 'cancelled') throw new AppointmentException(AppointmentError.NotBooked, 'キャンセルされた予約は来庁にできません。新しく予約するか、予約なしの来庁として記録してください。');
    if (toJstDate(current.startsAt) !== toJstDate(new Date())) {
      throw new AppointmentException(AppointmentError.NotToday, `来庁の記録は予約日（${toJstDate(current.startsAt)}）の当日にだけできます。`);
    }
    const minutes = Math.round((current.endsAt.getTime() - current.startsAt.getTime()) / 60_000);
    const record = await this.assistance.create(
      {
        visitedAt: new Date().toISOString(),
        office: deskAssistanceOffice(current.office),
        assistanceTypes: current.purpose as AssistanceType[],
        outcome: 'completed',
        durationMinutes: Math.min(240, Math.max(1, minutes)),
      },
      user,
    );
    await this.repo.checkIn(id, record.id as number);
    // The route's own audit row is the appointment's update; the visit record it opened gets its own.
    await this.audit.record({ user, action: 'create', resource: 'assistance-records', resourceId: record.id as number, changes: { appointmentId: id, checkIn: true } });
    return this.get(id, user);
  }

  /** The board of one desk and JST day: its slots, each with its appointments, and the day's counts. */
  async deskDay(deskId: number, date: unknown, user: AuthUser): Promise<DeskDayDto> {
    const day = dayOf(date);
    const desk = await this.deskOrFail(deskId);
    const rows = await this.repo.deskDay(deskId, day);
    const contact = canSeeResidentContact(user.role);
    const now = new Date();
    const slots: TodaySlotDto[] = [];
    // booked: bookings not yet arrived (walk-ins are counted apart).
    const totals = { booked: 0, checkedIn: 0, noShow: 0, cancelled: 0, walkIns: 0, late: 0, seatsBooked: 0, capacity: 0 };
    for (const r of rows) {
      let slot = slots.at(-1);
      if (!slot || slot.id !== r.slotId) {
        slot = {
          id: r.slotId,
          startsAt: r.startsAt.toISOString(),
          endsAt: r.endsAt.toISOString(),
          capacity: r.capacity,
          booked: r.booked,
          remaining: r.capacity - r.booked,
          status: slotStatus(r, now),
          appointments: [],
        };
        slots.push(slot);
        totals.seatsBooked += r.booked;
        totals.capacity += r.capacity;
      }
      if (r.id === null) continue;
      const waiting = r.status === 'booked' && !r.walkIn;
      const late = waiting ? minutesLate(r.startsAt, now) : 0;
      const a: TodayAppointmentDto = {
        id: r.id,
        residentName: contact ? r.residentName : null,
        phone: contact ? r.phone : null,
        purpose: r.purpose ?? [],
        partySize: r.partySize ?? 1,
        status: r.status!,
        notes: contact ? r.notes : null,
        walkIn: Boolean(r.walkIn),
        checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
        assistanceRecordId: r.assistanceRecordId,
        late: late >= LATE_AFTER_MINUTES,
        minutesLate: late,
      };
      slot.appointments.push(a);
      if (a.walkIn) totals.walkIns++;
      if (a.status === 'booked' && !a.walkIn) totals.booked++;
      if (a.status === 'checked_in') totals.checkedIn++;
      if (a.status === 'no_show') totals.noShow++;
      if (a.status === 'cancelled') totals.cancelled++;
      if (a.late) totals.late++;
    }
    return { deskId: desk.id, deskName: desk.name, office: desk.office, date: day, contactVisible: contact, slots, totals };
  }

  /** End of the day: the desk's booked appointments of that day whose slot has ended become no-shows. */
  async markNoShows(deskId: number, date: unknown): Promise<{ marked: number }> {
    const day = dayOf(date);
    await this.deskOrFail(deskId);
    return { marked: await this.repo.markNoShows(deskId, day, new Date()) };
  }

  /** The desk itself, for the day sheet's heading. */
  deskOrFail(deskId: number): Promise<DeskInfo> {
    return this.repo.desk(deskId).then((desk) => {
      if (!desk) throw new AppointmentException(AppointmentError.DeskNotFound, `窓口（ID: ${deskId}）は見つかりません。`);
      return desk;
    });
  }

  /**
   * Erases residents' names, phone numbers and notes once each municipality's retention
   * (days after the visit) has passed; counts and statuses stay. `now` is the job's
   * clock (tests pass their own). Runs every municipality, each under its own
   * row-level security; returns how many appointments were erased per municipality.
   */
  async eraseExpiredContacts(now: Date, runAs: <T>(code: string | null, fn: () => Promise<T>) => Promise<T>): Promise<Record<string, number>> {
    const municipalities = await runAs(null, () => this.repo.retentionDays());
    const out: Record<string, number> = {};
    for (const m of municipalities) out[m.code] = await runAs(m.code, () => this.repo.eraseContacts(now, m.days));
    return out;
  }

  private async lockOrFail(id: number): Promise<LockedAppointment> {
    const row = await this.repo.lock(id);
    if (row) return row;
    await this.repo.getOrFail(id); // the one 404
    throw new Error(`appointment ${id} could not be locked`);
  }

  private async moveSeats(current: LockedAppointment, slotId: number, partySize: number): Promise<void> {
    const take = async () => {
      if (!(await this.repo.takeSeats(slotId, partySize))) throw await this.slots.refusal(slotId, partySize);
    };
    const release = () => this.repo.releaseSeats(current.slotId, current.partySize);
    // The same slot: give the old seats back first, so that a party growing by one needs one free seat.
    if (slotId === current.slotId || current.slotId < slotId) {
      await release();
      await take();
    } else {
      await take();
      await release();
    }
  }
}

function normalize(dto: Pick<Partial<CreateAppointmentDto>, (typeof PLAIN)[number]>): Record<string, unknown> {
  const out: Record<string, unknown> = table.pick(dto, PLAIN);
  for (const key of ['residentName', 'phone', 'notes'] as const) {
    if (typeof out[key] === 'string') out[key] = (out[key] as string).trim() || null;
  }
  if (out.purpose === null) delete out.purpose;
  return out;
}

function nameRequired(): AppointmentException {
  return new AppointmentException(AppointmentError.NameRequired, '予約には氏名が必要です（来庁時の確認と、取り消しの連絡のため）。', { residentName: '必須項目です。' });
}

function checkPurpose(office: DeskOffice, purpose: readonly string[]): void {
  if (purposeRefusedAtDesk(office, purpose)) {
    throw new AppointmentException(
      AppointmentError.PurposeAtDesk,
      'マイナンバーカードの申請は本庁（市民生活課）の窓口でのみ受け付けています。本庁の窓口の枠を選ぶか、用件からカード申請を外してください。',
      { purpose: 'カード申請は本庁の窓口のみです。' },
    );
  }
}

function illegalStatus(from: AppointmentStatus, to: AppointmentStatus): AppointmentException {
  const how: Partial<Record<AppointmentStatus, string>> = {
    checked_in: '来庁は「来庁受付」（POST /api/appointments/:id/check-in）で記録します。',
    no_show: '来庁なしは一日の終わりに「来庁なしにする」（POST /api/appointments/no-shows）で記録します。',
    booked: 'キャンセルや来庁なしを予約済みに戻すことはできません。新しく予約してください。',
  };
  return new AppointmentException(
    AppointmentError.IllegalStatus,
    `状態を「${APPOINTMENT_STATUS.label(from)}」から「${APPOINTMENT_STATUS.label(to)}」へは変更できません。${how[to] ?? ''}`,
    { status: 'キャンセル（cancelled）だけを指定できます。' },
  );
}

function masked(record: AppointmentRecord): AppointmentRecord {
  const out = { ...record };
  for (const key of CONTACT_FIELDS) out[key] = null;
  return out;
}

// A role that reads counts only cannot find a resident by name or phone either.
function refuseContactQuery(q: ListQuery): void {
  const keys = Object.keys(q.filter).map((k) => k.replace(/_(gte|lte|gt|lt|neq)$/, ''));
  if (keys.some((k) => k === 'q' || (CONTACT_FIELDS as readonly string[]).includes(k)) || (CONTACT_FIELDS as readonly string[]).includes(q.sort.field)) {
    throw new AppointmentException(AppointmentError.ContactHidden, '氏名・電話番号・備考は窓口・政策推進係・システム管理者だけが扱えます（管理職は件数のみ）。');
  }
}

function dayOf(date: unknown): string {
  if (date === undefined || date === '') return toJstDate(new Date());
  if (!isIsoDate(date)) throw new CommonException(CommonError.BadQuery, 'date は YYYY-MM-DD の形式で指定してください。', { date: 'YYYY-MM-DD' });
  return date;
}
