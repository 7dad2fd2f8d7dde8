import { Injectable } from '@nestjs/common';
import { certRenewalWaitMessage, formatJstDateTime, isWithinCertRenewalWait, MYKEY_ID_FORMAT_MESSAGE, quotaWindowContains } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { SqlParams } from '../common/db/sql-params';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { selectList } from '../common/list/list-sql';
import { hashMyKeyIdFilter } from '../common/mykey/mykey-filter';
import { MyKeyDigest, MyKeyHasher } from '../common/mykey/mykey-hasher';
import { REQUIRED } from '../common/validation/fields';
import { pickWritable } from '../common/validation/pick';
import { recordedAt } from '../common/validation/recorded-at';
import { ParticipantsService } from '../participants/participants.service';
import { ReservationQuotasService, takeUnitSql } from '../reservation-quotas/reservation-quotas.service';
import { CreateReservationDto, UpdateReservationDto } from './dto/reservation.dto';
import { ReservationError, ReservationException } from './reservation.exception';
import { ReservationRecord, reservationsListSpec } from './reservations.list-spec';

const COLUMNS = {
  channel: 'channel',
  reservedAt: 'reserved_at',
  ageBand: 'age_band',
  district: 'district',
  certRenewedAt: 'cert_renewed_at',
} as const satisfies Partial<Record<keyof CreateReservationDto, string>>;
const EDITABLE = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

@Injectable()
export class ReservationsService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
    private readonly hasher: MyKeyHasher,
    private readonly quotas: ReservationQuotasService,
    private readonly participants: ParticipantsService,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<ReservationRecord>(reservationsListSpec, hashMyKeyIdFilter(q, this.hasher));
  }

  async get(id: number): Promise<ReservationRecord> {
    const record = await this.lists.get<ReservationRecord>(reservationsListSpec, id);
    if (!record) throw new ReservationException(ReservationError.NotFound, `予約（ID: ${id}）は見つかりません。`);
    return record;
  }

  /**
   * A reservation: the participant row for the MyKey ID in the quota's campaign (one
   * per campaign), one unit of the quota taken atomically, and the reservation row,
   * all in the request's one transaction, so a refusal anywhere leaves nothing behind.
   */
  async create(dto: CreateReservationDto, user: AuthUser): Promise<ReservationRecord> {
    const digest = this.digest(dto.myKeyId);
    const { at: reservedAt, inFuture } = recordedAt(dto.reservedAt);
    if (inFuture) throw future();
    checkCertRenewal(dto.certRenewedAt, reservedAt);

    const participantId = await this.participants.enrol(dto.quotaId, digest, reservedAt);
    if (participantId === null) {
      await this.quotas.mustExist(dto.quotaId);
      throw new ReservationException(
        ReservationError.AlreadyReserved,
        `マイキーID ${digest.ref} は、このキャンペーンで既に予約されています。予約は1人1回です。予約一覧で確認してください。`,
        { myKeyId: 'このキャンペーンで予約済みのマイキーIDです。' },
      );
    }
    // The unit, the row and its read-back in one statement, the request's last before
    // its audit row and the commit. The quota row and the day's rollup rows, which every
    // reservation of the quota needs, stay locked only from here to the commit: each
    // round trip made while holding them is a round trip every other counter waits for
    // (docs/benchmarks.md, finding 7). No row: no unit could be taken, and the
    // participant above goes with the rollback.
    const [record] = await this.db.query<ReservationRecord>(
      `WITH unit AS (${takeUnitSql('$1', '$4')}),
       r AS (INSERT INTO reservations (quota_id, participant_id, channel, reserved_at, age_band, district, cert_renewed_at, created_by)
             SELECT unit.id, $2, $3, $4, $5, $6, $7, $8 FROM unit RETURNING *)
       SELECT ${selectList(reservationsListSpec)} FROM r JOIN participants p ON p.id = r.participant_id`,
      [dto.quotaId, participantId, dto.channel, reservedAt, dto.ageBand ?? null, dto.district ?? null, dto.certRenewedAt ?? null, user.id],
      { prepared: true },
    );
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
    if (dto.myKeyId !== undefined && !this.digest(dto.myKeyId).hash.equals(current.mykeyHash)) {
      throw new ReservationException(ReservationError.MyKeyFixed, 'マイキーIDは変更できません。別の人の予約は、新しく登録してください。', {
        myKeyId: 'マイキーIDは変更できません。',
      });
    }
    const changes = pickWritable(dto, EDITABLE);
    // When it happened can be corrected, not erased (null is "now" only on create).
    if (changes.reservedAt === null || changes.channel === null) {
      const field = changes.channel === null ? 'channel' : 'reservedAt';
      throw new CommonException(CommonError.ValidationFailed, `入力内容に誤りがあります（${field}）。`, { [field]: REQUIRED });
    }
    const reservedAt = changes.reservedAt !== undefined ? new Date(changes.reservedAt) : current.reservedAt;
    const certRenewedAt = changes.certRenewedAt !== undefined ? changes.certRenewedAt : current.certRenewedAt;
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
    checkCertRenewal(certRenewedAt, reservedAt);
    if (!Object.keys(changes).length) return this.get(id);

    const p = new SqlParams();
    const sets = Object.entries(changes).map(([k, v]) => `${COLUMNS[k as keyof typeof COLUMNS]} = ${p.add(v)}`);
    await this.db.query(`UPDATE reservations SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values);
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
    // Delete and give back in one statement: the unit returns exactly when the row goes.
    await this.db.query(
      `WITH gone AS (DELETE FROM reservations WHERE id = $1 RETURNING quota_id)
       UPDATE reservation_quotas q SET used = q.used - 1 FROM gone WHERE q.id = gone.quota_id`,
      [id],
    );
    // The participant exists through its reservation; point awards (if any) would
    // still reference it and the foreign key refuses (409).
    await this.db.query('DELETE FROM participants WHERE id = $1', [current.participantId]);
    return record;
  }

  // The reservation with its participant locked: applications for the same person
  // lock the same row, so "delete unless applied" cannot race an application.
  private async lockedRow(id: number) {
    const row = await this.db.one<{
      quotaId: number;
      participantId: number;
      mykeyHash: Buffer;
      reservedAt: Date;
      certRenewedAt: Date | null;
      opensAt: Date;
      closesAt: Date;
      appliedAt: Date | null;
    }>(
      `SELECT r.quota_id AS "quotaId", r.participant_id AS "participantId", p.mykey_hash AS "mykeyHash",
              r.reserved_at AS "reservedAt", r.cert_renewed_at AS "certRenewedAt",
              q.opens_at AS "opensAt", q.closes_at AS "closesAt",
              (SELECT a.applied_at FROM applications a WHERE a.participant_id = p.id) AS "appliedAt"
       FROM reservations r
       JOIN participants p ON p.id = r.participant_id
       JOIN reservation_quotas q ON q.id = r.quota_id
       WHERE r.id = $1
       FOR UPDATE OF p`,
      [id],
    );
    if (!row) throw new ReservationException(ReservationError.NotFound, `予約（ID: ${id}）は見つかりません。`);
    return row;
  }

  private digest(myKeyId: string): MyKeyDigest {
    const digest = this.hasher.digest(myKeyId);
    if (!digest) throw new CommonException(CommonError.ValidationFailed, MYKEY_ID_FORMAT_MESSAGE, { myKeyId: MYKEY_ID_FORMAT_MESSAGE });
    return digest;
  }
}

function checkCertRenewal(certRenewedAt: Date | string | null | undefined, reservedAt: Date): void {
  if (certRenewedAt && isWithinCertRenewalWait(certRenewedAt, reservedAt)) {
    const message = certRenewalWaitMessage(certRenewedAt, 'reserve');
    throw new ReservationException(ReservationError.CertRenewalWait, message, { certRenewedAt: message });
  }
}

function future(): ReservationException {
  return new ReservationException(ReservationError.FutureInstant, '予約日時に未来の日時は指定できません。', { reservedAt: '未来の日時です。' });
}
