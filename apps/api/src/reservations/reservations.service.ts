import { Injectable } from '@nestjs/common';
import { certWaitProblem, formatJstDateTime, quotaWindowContains, type CertInstants } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { recordNotFound } from '../common/list/list-reader';
import { hashMyKeyIdFilter } from '../common/mykey/mykey-filter';
import { MyKeyHasher } from '../common/mykey/mykey-hasher';
import { REQUIRED } from '../common/validation/fields';
import { recordedAt } from '../common/validation/recorded-at';
import { ParticipantsService } from '../participants/participants.service';
import { ReservationQuotasService } from '../reservation-quotas/reservation-quotas.service';
import { CreateReservationDto, UpdateReservationDto } from './dto/reservation.dto';
import { ReservationError, ReservationException } from './reservation.exception';
import { LockedReservation, ReservationRecord, ReservationsRepository, reservationsListSpec, reservationsTable } from './reservations.repository';

// What a PUT may change: when, how and where it was made; never whose or which quota.
const EDITABLE = ['channel', 'reservedAt', 'ageBand', 'district', 'certRenewedAt', 'certIssuedAt'] as const;

@Injectable()
export class ReservationsService {
  constructor(
    private readonly repo: ReservationsRepository,
    private readonly hasher: MyKeyHasher,
    private readonly quotas: ReservationQuotasService,
    private readonly participants: ParticipantsService,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(hashMyKeyIdFilter(q, this.hasher));
  }

  get(id: number): Promise<ReservationRecord> {
    return this.repo.getOrFail(id);
  }

  /**
   * A reservation: the participant row for the MyKey ID in the quota's campaign (one
   * per campaign), one unit of the quota taken atomically, and the reservation row,
   * all in the request's one transaction, so a refusal anywhere leaves nothing behind.
   */
  async create(dto: CreateReservationDto, user: AuthUser): Promise<ReservationRecord> {
    const digest = this.hasher.digest(dto.myKeyId);
    const { at: reservedAt, inFuture } = recordedAt(dto.reservedAt);
    if (inFuture) throw future();
    checkCertWait(dto, reservedAt);

    const participantId = await this.participants.enrol(dto.quotaId, digest, reservedAt);
    if (participantId === null) {
      await this.quotas.mustExist(dto.quotaId);
      throw new ReservationException(
        ReservationError.AlreadyReserved,
        `マイキーID ${digest.ref} は、このキャンペーンで既に予約されています。予約は1人1回です。予約一覧で確認してください。`,
        { myKeyId: 'このキャンペーンで予約済みのマイキーIDです。' },
      );
    }
    const record = await this.repo.insertTakingUnit({
      quotaId: dto.quotaId,
      participantId,
      channel: dto.channel,
      reservedAt,
      ageBand: dto.ageBand,
      district: dto.district,
      certRenewedAt: dto.certRenewedAt,
      certIssuedAt: dto.certIssuedAt,
      createdBy: user.id,
    });
    if (!record) throw await this.quotas.refusal(dto.quotaId, reservedAt);
    return record;
  }

  async update(id: number, dto: UpdateReservationDto): Promise<ReservationRecord> {
    const current = await this.lockedRow(id);
    if (dto.quotaId !== undefined && dto.quotaId !== current.quotaId) {
      throw new ReservationException(ReservationError.QuotaFixed, '予約枠は変更できません。別の枠にするには、この予約を削除して登録し直してください。', {
        quotaId: '予約枠は変更できません。',
      });
    }
    if (dto.myKeyId !== undefined && !this.hasher.digest(dto.myKeyId).hash.equals(current.mykeyHash)) {
      throw new ReservationException(ReservationError.MyKeyFixed, 'マイキーIDは変更できません。別の人の予約は、新しく登録してください。', {
        myKeyId: 'マイキーIDは変更できません。',
      });
    }
    const changes = reservationsTable.pick(dto, EDITABLE);
    // When it happened can be corrected, not erased (null is "now" only on create).
    if (changes.reservedAt === null || changes.channel === null) {
      const field = changes.channel === null ? 'channel' : 'reservedAt';
      throw new CommonException(CommonError.ValidationFailed, `入力内容に誤りがあります（${field}）。`, { [field]: REQUIRED });
    }
    const reservedAt = changes.reservedAt !== undefined ? new Date(changes.reservedAt) : current.reservedAt;
    const cert: CertInstants = {
      certRenewedAt: changes.certRenewedAt !== undefined ? changes.certRenewedAt : current.certRenewedAt,
      certIssuedAt: changes.certIssuedAt !== undefined ? changes.certIssuedAt : current.certIssuedAt,
    };
    if (changes.reservedAt !== undefined) {
      if (recordedAt(changes.reservedAt).inFuture) throw future();
      if (!quotaWindowContains(current, reservedAt)) {
        throw new ReservationException(
          ReservationError.OutsideQuotaWindow,
          `予約日時は予約枠の受付期間（${formatJstDateTime(current.opensAt)} 〜 ${formatJstDateTime(current.closesAt)}）内にしてください。`,
          { reservedAt: '予約枠の受付期間外です。' },
        );
      }
      if (current.appliedAt && reservedAt.getTime() > current.appliedAt.getTime()) {
        throw new ReservationException(
          ReservationError.AfterApplication,
          `予約日時を申し込み日時（${formatJstDateTime(current.appliedAt)}）より後にはできません。`,
          { reservedAt: '申し込み日時より後です。' },
        );
      }
    }
    checkCertWait(cert, reservedAt);
    if (!Object.keys(changes).length) return this.get(id);

    await this.repo.update(id, changes);
    return this.get(id);
  }

  /** Deletes the reservation, gives its unit back, and ends the participant (no application yet). */
  async remove(id: number): Promise<ReservationRecord> {
    const record = await this.get(id);
    const current = await this.lockedRow(id);
    if (current.appliedAt) {
      throw new ReservationException(
        ReservationError.HasApplication,
        `この予約（${record.participantRef}）には決済サービスへの申し込みがあるため削除できません。申し込みは取り消せない扱いです。`,
      );
    }
    await this.repo.deleteReleasingUnit(id);
    await this.participants.removeUnreserved(current.participantId);
    return record;
  }

  private async lockedRow(id: number): Promise<LockedReservation> {
    const row = await this.repo.lockWithParticipant(id);
    if (!row) throw recordNotFound(reservationsListSpec, id);
    return row;
  }
}

/** The 24 hours after the certificate's first issue or renewal (one code; the field says which). */
function checkCertWait(cert: CertInstants, reservedAt: Date): void {
  const problem = certWaitProblem(cert, reservedAt, 'reserve');
  if (problem) throw new ReservationException(ReservationError.CertRenewalWait, problem.message, { [problem.field]: problem.message });
}

function future(): ReservationException {
  return new ReservationException(ReservationError.FutureInstant, '予約日時に未来の日時は指定できません。', { reservedAt: '未来の日時です。' });
}
