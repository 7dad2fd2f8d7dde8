import { Injectable } from '@nestjs/common';
import { applicationProblems, containsMyNumber, EligibilityInput, MY_NUMBER_REFUSED_MESSAGE, MYKEY_ID_FORMAT_MESSAGE } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { SqlParams } from '../common/db/sql-params';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { hashMyKeyIdFilter } from '../common/mykey/mykey-filter';
import { MyKeyDigest, MyKeyHasher } from '../common/mykey/mykey-hasher';
import { REQUIRED } from '../common/validation/fields';
import { pickWritable } from '../common/validation/pick';
import { recordedAt } from '../common/validation/recorded-at';
import { ParticipantsService } from '../participants/participants.service';
import { ApplicationError, ApplicationException, ELIGIBILITY_ERRORS } from './application.exception';
import { ApplicationRecord, applicationsListSpec } from './applications.list-spec';
import { CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto';

const COLUMNS = {
  appliedAt: 'applied_at',
  channel: 'channel',
  preRegistered: 'pre_registered',
  certRenewedAt: 'cert_renewed_at',
} as const satisfies Partial<Record<keyof CreateApplicationDto, string>>;
const EDITABLE = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

interface ServiceRow {
  name: string;
  status: string;
  applicationsOpenOn: string;
  preRegistrationRequired: boolean;
}

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
    private readonly hasher: MyKeyHasher,
    private readonly participants: ParticipantsService,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<ApplicationRecord>(applicationsListSpec, hashMyKeyIdFilter(q, this.hasher));
  }

  async get(id: number): Promise<ApplicationRecord> {
    const record = await this.lists.get<ApplicationRecord>(applicationsListSpec, id);
    if (!record) throw new ApplicationException(ApplicationError.NotFound, `申し込み（ID: ${id}）は見つかりません。`);
    return record;
  }

  async create(dto: CreateApplicationDto, user: AuthUser): Promise<ApplicationRecord> {
    const digest = this.digest(dto.myKeyId);
    const { at: appliedAt, inFuture } = recordedAt(dto.appliedAt);
    if (inFuture) throw future();
    if (dto.campaignId !== undefined) await this.campaignPeriod(dto.campaignId);

    // Locks the participant: a second application, or the deletion of the
    // reservation, for the same person waits until this one is decided.
    const found = await this.participants.lockForApplication(digest.hash, dto.campaignId);
    if (found.length > 1) {
      throw new ApplicationException(
        ApplicationError.CampaignRequired,
        `マイキーID ${digest.ref} は複数のキャンペーンで予約されています。どのキャンペーンへの申し込みか指定してください。`,
        { campaignId: 'キャンペーンを選んでください。' },
      );
    }
    const participant = found[0];
    if (!participant) {
      throw new ApplicationException(
        ApplicationError.NoReservation,
        `マイキーID ${digest.ref} の${dto.campaignId !== undefined ? 'このキャンペーンでの' : ''}マイナポイント予約がありません。先に予約を登録してください。`,
        { myKeyId: '予約がないマイキーIDです。' },
      );
    }
    if (participant.applicationId) {
      throw new ApplicationException(
        ApplicationError.AlreadyApplied,
        `マイキーID ${digest.ref} は、このキャンペーンで既に申し込み済みです。申し込みは1人1回で、選んだ決済サービスは変更できません。`,
        { myKeyId: '申し込み済みのマイキーIDです。' },
      );
    }
    await this.assertSameServiceAsDeleted(participant.id, dto.paymentServiceId, digest.ref);
    const service = await this.service(dto.paymentServiceId);
    this.assertEligible({
      appliedAt,
      reservedAt: participant.reservedAt,
      service,
      campaign: await this.campaignPeriod(participant.campaignId),
      preRegistered: dto.preRegistered ?? false,
      certRenewedAt: dto.certRenewedAt ?? null,
    });

    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO applications (participant_id, payment_service_id, applied_at, channel, pre_registered, cert_renewed_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT applications_one_per_participant DO NOTHING
       RETURNING id`,
      [participant.id, dto.paymentServiceId, appliedAt, dto.channel, dto.preRegistered ?? false, dto.certRenewedAt ?? null, user.id],
    );
    if (!row) throw new ApplicationException(ApplicationError.AlreadyApplied, `マイキーID ${digest.ref} は、このキャンペーンで既に申し込み済みです。`);
    return this.get(row.id);
  }

  async update(id: number, dto: UpdateApplicationDto): Promise<ApplicationRecord> {
    const current = await this.lockedRow(id);
    if (dto.paymentServiceId !== undefined && dto.paymentServiceId !== current.paymentServiceId) {
      throw new ApplicationException(
        ApplicationError.ServiceFixed,
        '申し込んだ決済サービスは変更できません（1人1サービス、申し込み後の変更不可）。',
        { paymentServiceId: '申し込み後は変更できません。' },
      );
    }
    if (dto.myKeyId !== undefined && !this.digest(dto.myKeyId).hash.equals(current.mykeyHash)) {
      throw new ApplicationException(ApplicationError.MyKeyFixed, 'マイキーIDは変更できません。', { myKeyId: 'マイキーIDは変更できません。' });
    }
    const changes = pickWritable(dto, EDITABLE);
    // When it happened can be corrected, not erased (null is "now" only on create).
    if (changes.appliedAt === null || changes.channel === null) {
      const field = changes.channel === null ? 'channel' : 'appliedAt';
      throw new CommonException(CommonError.ValidationFailed, `入力内容に誤りがあります（${field}）。`, { [field]: REQUIRED });
    }
    if (!Object.keys(changes).length) return this.get(id);
    if (changes.appliedAt !== undefined && recordedAt(changes.appliedAt).inFuture) throw future();

    // The same rules as on create, for the record as it would be after the change.
    this.assertEligible({
      appliedAt: changes.appliedAt ?? current.appliedAt,
      reservedAt: current.reservedAt,
      service: await this.service(current.paymentServiceId),
      campaign: await this.campaignPeriod(current.campaignId),
      preRegistered: changes.preRegistered ?? current.preRegistered,
      certRenewedAt: changes.certRenewedAt !== undefined ? changes.certRenewedAt : current.certRenewedAt,
    });
    const p = new SqlParams();
    const sets = Object.entries(changes).map(([k, v]) => `${COLUMNS[k as keyof typeof COLUMNS]} = ${p.add(v)}`);
    await this.db.query(`UPDATE applications SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values);
    return this.get(id);
  }

  /**
   * Deletes an application (an admin's correction), keeping who, when, why and which
   * service in application_deletions: the participant's history shows it, and a later
   * application of the person is a re-application, held to the same service.
   */
  async remove(id: number, rawReason: unknown, user: AuthUser): Promise<ApplicationRecord> {
    const record = await this.get(id);
    const reason = typeof rawReason === 'string' ? rawReason.trim() : '';
    if (!reason || reason.length > 500) {
      const message = reason ? '削除の理由は500文字以内で入力してください。' : '申し込みを削除する理由を入力してください（参加者の履歴に残ります）。';
      throw new ApplicationException(ApplicationError.DeletionReasonRequired, message, { reason: reason ? '500文字以内で入力してください。' : REQUIRED });
    }
    // The body is scanned by the My Number guard; ?reason= is not a body, so here.
    if (containsMyNumber(reason)) throw new CommonException(CommonError.MyNumberRefused, MY_NUMBER_REFUSED_MESSAGE.ja, { reason: MY_NUMBER_REFUSED_MESSAGE.ja });
    const current = await this.lockedRow(id);
    const [awards] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM point_awards WHERE participant_id = $1', [current.participantId]);
    if (awards.n > 0) {
      throw new ApplicationException(
        ApplicationError.HasPointAwards,
        `この申し込みにはポイント付与の記録が${awards.n}件あるため削除できません。`,
      );
    }
    await this.db.query(
      `WITH gone AS (DELETE FROM applications WHERE id = $1 RETURNING id, participant_id, payment_service_id, applied_at, created_at, channel)
       INSERT INTO application_deletions (application_id, campaign_id, mykey_hash, participant_id, payment_service_id, applied_at, application_created_at, channel, reason, deleted_by)
       SELECT g.id, p.campaign_id, p.mykey_hash, g.participant_id, g.payment_service_id, g.applied_at, g.created_at, g.channel, $2, $3
         FROM gone g JOIN participants p ON p.id = g.participant_id`,
      [id, reason, user.id],
    );
    return record;
  }

  // The programme fixes a person's service once chosen: a deletion corrects a record,
  // it does not reopen the choice. The first deleted application holds the choice.
  private async assertSameServiceAsDeleted(participantId: number, paymentServiceId: number, ref: string): Promise<void> {
    const deleted = await this.db.one<{ paymentServiceId: number; name: string }>(
      `SELECT d.payment_service_id AS "paymentServiceId", s.name
         FROM application_deletions d JOIN participants p ON p.campaign_id = d.campaign_id AND p.mykey_hash = d.mykey_hash
         JOIN payment_services s ON s.id = d.payment_service_id
        WHERE p.id = $1 ORDER BY d.deleted_at, d.id LIMIT 1`,
      [participantId],
    );
    if (deleted && deleted.paymentServiceId !== paymentServiceId) {
      throw new ApplicationException(
        ApplicationError.ServiceDiffersFromDeleted,
        `マイキーID ${ref} の申し込みは「${deleted.name}」で削除されています。再申込は同じ決済サービスに限ります（選んだ決済サービスは変更できません）。`,
        { paymentServiceId: `削除前と同じ「${deleted.name}」を選んでください。` },
      );
    }
  }

  private assertEligible(input: EligibilityInput): void {
    const problems = applicationProblems(input);
    if (!problems.length) return;
    const errors: Record<string, string> = {};
    for (const p of problems) errors[p.field] ??= p.message;
    throw new ApplicationException(ELIGIBILITY_ERRORS[problems[0].code], problems.map((p) => p.message).join(' '), errors);
  }

  private async lockedRow(id: number) {
    const row = await this.db.one<{
      participantId: number;
      campaignId: number;
      mykeyHash: Buffer;
      paymentServiceId: number;
      appliedAt: Date;
      preRegistered: boolean;
      certRenewedAt: Date | null;
      reservedAt: Date | null;
    }>(
      `SELECT a.participant_id AS "participantId", p.campaign_id AS "campaignId", p.mykey_hash AS "mykeyHash",
              a.payment_service_id AS "paymentServiceId", a.applied_at AS "appliedAt", a.pre_registered AS "preRegistered",
              a.cert_renewed_at AS "certRenewedAt",
              (SELECT r.reserved_at FROM reservations r WHERE r.participant_id = p.id) AS "reservedAt"
       FROM applications a JOIN participants p ON p.id = a.participant_id
       WHERE a.id = $1
       FOR UPDATE OF p`,
      [id],
    );
    if (!row) throw new ApplicationException(ApplicationError.NotFound, `申し込み（ID: ${id}）は見つかりません。`);
    return row;
  }

  private async service(id: number): Promise<ServiceRow> {
    const row = await this.db.one<ServiceRow>(
      `SELECT name, status, to_char(applications_open_on, 'YYYY-MM-DD') AS "applicationsOpenOn", pre_registration_required AS "preRegistrationRequired"
       FROM payment_services WHERE id = $1`,
      [id],
    );
    if (!row) {
      throw new ApplicationException(ApplicationError.ServiceNotFound, `決済サービス（ID: ${id}）は見つかりません。`, {
        paymentServiceId: '存在しない決済サービスです。',
      });
    }
    return row;
  }

  private async campaignPeriod(id: number): Promise<{ applicationOpensOn: string; applicationClosesOn: string }> {
    const row = await this.db.one<{ applicationOpensOn: string; applicationClosesOn: string }>(
      `SELECT to_char(application_opens_on, 'YYYY-MM-DD') AS "applicationOpensOn", to_char(application_closes_on, 'YYYY-MM-DD') AS "applicationClosesOn"
       FROM campaigns WHERE id = $1`,
      [id],
    );
    if (!row) {
      throw new ApplicationException(ApplicationError.CampaignNotFound, `キャンペーン（ID: ${id}）は見つかりません。`, { campaignId: '存在しないキャンペーンです。' });
    }
    return row;
  }

  private digest(myKeyId: string): MyKeyDigest {
    const digest = this.hasher.digest(myKeyId);
    if (!digest) throw new CommonException(CommonError.ValidationFailed, MYKEY_ID_FORMAT_MESSAGE, { myKeyId: MYKEY_ID_FORMAT_MESSAGE });
    return digest;
  }
}

function future(): ApplicationException {
  return new ApplicationException(ApplicationError.FutureInstant, '申し込み日時に未来の日時は指定できません。', { appliedAt: '未来の日時です。' });
}
