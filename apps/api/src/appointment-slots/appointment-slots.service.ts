import { Injectable } from '@nestjs/common';
import { formatJapaneseDate, slotPatternProblems, slotsFromPattern, toJstIso } from '@mynapoint/domain';
import { ListQuery } from '../common/list/list-query';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { AppointmentSlotError, AppointmentSlotException } from './appointment-slot.exception';
import { AppointmentSlotRecord, AppointmentSlotsRepository, DeskOfSlots, appointmentSlotsTable as table } from './appointment-slots.repository';
import { CreateAppointmentSlotDto, GenerateAppointmentSlotsDto, GeneratedSlotsDto, UpdateAppointmentSlotDto } from './dto/appointment-slot.dto';

@Injectable()
export class AppointmentSlotsService {
  constructor(
    private readonly repo: AppointmentSlotsRepository,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<AppointmentSlotRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateAppointmentSlotDto): Promise<AppointmentSlotRecord> {
    await this.desk(dto.deskId);
    checkTimes(dto.startsAt, dto.endsAt);
    await this.checkStart(dto.deskId, dto.startsAt, null);
    return this.get(await this.repo.insert(table.pick(dto)));
  }

  async update(id: number, dto: UpdateAppointmentSlotDto): Promise<AppointmentSlotRecord> {
    const current = await this.get(id);
    const changes = table.pick(dto);
    if (!Object.keys(changes).length) return current;
    const deskId = (changes.deskId ?? current.deskId) as number;
    const startsAt = (changes.startsAt ?? current.startsAt) as string;
    if (changes.deskId !== undefined) await this.desk(changes.deskId);
    checkTimes(startsAt, (changes.endsAt ?? current.endsAt) as string);
    const moves =
      (changes.deskId !== undefined && changes.deskId !== current.deskId) ||
      (changes.startsAt !== undefined && Date.parse(changes.startsAt) !== Date.parse(current.startsAt as string)) ||
      (changes.endsAt !== undefined && Date.parse(changes.endsAt) !== Date.parse(current.endsAt as string));
    if (moves) await this.checkStart(deskId, startsAt, id);

    if (!(await this.repo.updateGuarded(id, changes, moves))) {
      const now = await this.repo.state(id);
      if (now && changes.capacity !== undefined && now.booked > changes.capacity) {
        throw new AppointmentSlotException(
          AppointmentSlotError.CapacityBelowBooked,
          `この枠は既に${now.booked}席が予約されているため、定員を${changes.capacity}にはできません。`,
          { capacity: `${now.booked}以上にしてください（予約済みの席）。` },
        );
      }
      throw new AppointmentSlotException(AppointmentSlotError.Booked, '予約がある枠は、窓口や時刻を変更できません。予約を別の枠へ移してから変更してください。');
    }
    return this.get(id);
  }

  async remove(id: number): Promise<AppointmentSlotRecord> {
    const record = await this.get(id);
    if (!(await this.repo.deleteUnused(id))) {
      throw new AppointmentSlotException(AppointmentSlotError.InUse, 'この枠には予約の記録があるため削除できません。定員を変更するか、予約を別の枠へ移してください。');
    }
    return record;
  }

  async generate(dto: GenerateAppointmentSlotsDto): Promise<GeneratedSlotsDto> {
    const desk = await this.desk(dto.deskId);
    const problems = slotPatternProblems(dto);
    if (Object.keys(problems).length) {
      throw new AppointmentSlotException(AppointmentSlotError.PatternInvalid, `作成の条件に誤りがあります（${Object.values(problems)[0]}）`, problems);
    }
    const settings = await this.municipalities.current();
    const { slots, skipped } = slotsFromPattern(dto, { closedDays: settings?.closedDays ?? [], deskOpensOn: desk.opensOn, deskClosesOn: desk.closesOn });
    const created = slots.length
      ? await this.repo.insertMany(
          desk.id,
          slots.map((s) => s.startsAt),
          slots.map((s) => s.endsAt),
          slots.map((s) => s.capacity),
        )
      : 0;
    return { created, existing: slots.length - created, skipped };
  }

  /**
   * Why take_slot_seats (the database function that takes seats) took none: said so that
   * counter staff know what to do next.
   */
  async refusal(slotId: number, seats: number): Promise<AppointmentSlotException> {
    const s = await this.repo.state(slotId);
    if (!s) return unknownSlot(slotId);
    const when = `${formatJapaneseDate(s.startsAt)} ${toJstIso(s.startsAt).slice(11, 16)}`;
    if (s.endsAt.getTime() <= Date.now()) {
      return new AppointmentSlotException(AppointmentSlotError.Past, `${s.deskName}の${when}の枠は終了しています。これからの枠を選んでください。`, { slotId: '終了した枠です。' });
    }
    const left = s.capacity - s.booked;
    return new AppointmentSlotException(
      AppointmentSlotError.Full,
      left > 0
        ? `${s.deskName}の${when}の枠は残り${left}席のため、${seats}人では予約できません。別の枠を選んでください。`
        : `${s.deskName}の${when}の枠は満席です。別の枠を選んでください。`,
      { slotId: left > 0 ? `残り${left}席です。` : '満席の枠です。' },
    );
  }

  /** Nothing when the slot exists; a 400 when there is no such slot. */
  async mustExist(slotId: number): Promise<void> {
    if (!(await this.repo.state(slotId))) throw unknownSlot(slotId);
  }

  private async desk(id: number): Promise<DeskOfSlots> {
    const desk = await this.repo.desk(id);
    if (!desk) throw new AppointmentSlotException(AppointmentSlotError.DeskNotFound, `窓口（ID: ${id}）は見つかりません。`, { deskId: '存在しない窓口です。' });
    return desk;
  }

  private async checkStart(deskId: number, startsAt: string, exceptId: number | null): Promise<void> {
    if (await this.repo.startTaken(deskId, startsAt, exceptId)) {
      throw new AppointmentSlotException(AppointmentSlotError.Exists, 'この窓口には同じ開始時刻の枠が既にあります。', { startsAt: '同じ開始時刻の枠があります。' });
    }
  }
}

function unknownSlot(slotId: number): AppointmentSlotException {
  return new AppointmentSlotException(AppointmentSlotError.UnknownSlot, `予約枠（ID: ${slotId}）は見つかりません。枠を選び直してください。`, { slotId: '存在しない枠です。' });
}

function checkTimes(startsAt: string | Date, endsAt: string | Date): void {
  const start = new Date(startsAt).getTime();
  const end = new Date(endsAt).getTime();
  if (end <= start || end - start > 86_400_000) {
    throw new AppointmentSlotException(AppointmentSlotError.TimesOrder, '終了日時は開始日時より後（24時間以内）にしてください。', { endsAt: '開始日時より後にしてください。' });
  }
}
