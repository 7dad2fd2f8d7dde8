import { Injectable } from '@nestjs/common';
import { applicationProblems, containsMyNumber, EligibilityInput, MY_NUMBER_REFUSED_MESSAGE } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { hashMyKeyIdFilter } from '../common/mykey/mykey-filter';
import { MyKeyHasher } from '../common/mykey/mykey-hasher';
import { REQUIRED } from '../common/validation/fields';
import { recordedAt } from '../common/validation/recorded-at';
import { ParticipantsService } from '../participants/participants.service';
import { ApplicationError, ApplicationException, ELIGIBILITY_ERRORS } from './application.exception';
import { ApplicationPeriod, ApplicationRecord, ApplicationsRepository, PaymentServiceTerms, applicationsTable } from './applications.repository';
import { CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto';

// What a PUT may change: when, how, and the checks recorded with it; never whose or which service.
const EDITABLE = ['appliedAt', 'channel', 'preRegistered', 'certRenewedAt'] as const;

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly hasher: MyKeyHasher,
    private readonly participants: ParticipantsService,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(hashMyKeyIdFilter(q, this.hasher));
  }

  get(id: number): Promise<ApplicationRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateApplicationDto, user: AuthUser): Promise<ApplicationRecord> {
    const digest = this.hasher.digest(dto.myKeyId);
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

    const id = await this.repo.insert({
      participantId: participant.id,
      paymentServiceId: dto.paymentServiceId,
      appliedAt,
      channel: dto.channel,
      preRegistered: dto.preRegistered ?? false,
      certRenewedAt: dto.certRenewedAt ?? null,
      createdBy: user.id,
    });
    if (id === undefined) throw new ApplicationException(ApplicationError.AlreadyApplied, `マイキーID ${digest.ref} は、このキャンペーンで既に申し込み済みです。`);
    return this.get(id);
  }

  async update(id: number, dto: UpdateApplicationDto): Promise<ApplicationRecord> {
    const current = await this.repo.lockOrFail(id);
    if (dto.paymentServiceId !== undefined && dto.paymentServiceId !== current.paymentServiceId) {
      throw new ApplicationException(
        ApplicationError.ServiceFixed,
        '申し込んだ決済サービスは変更できません（1人1サービス、申し込み後の変更不可）。',
        { paymentServiceId: '申し込み後は変更できません。' },
      );
    }
    if (dto.myKeyId !== undefined && !this.hasher.digest(dto.myKeyId).hash.equals(current.mykeyHash)) {
      throw new ApplicationException(ApplicationError.MyKeyFixed, 'マイキーIDは変更できません。', { myKeyId: 'マイキーIDは変更できません。' });
    }
    const changes = applicationsTable.pick(dto, EDITABLE);
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
    await this.repo.update(id, changes);
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
    const current = await this.repo.lockOrFail(id);
    const awards = await this.repo.pointAwardCount(current.participantId);
    if (awards > 0) {
      throw new ApplicationException(ApplicationError.HasPointAwards, `この申し込みにはポイント付与の記録が${awards}件あるため削除できません。`);
    }
    await this.repo.deleteRecorded(id, reason, user.id);
    return record;
  }

  // The programme fixes a person's service once chosen: a deletion corrects a record,
  // it does not reopen the choice. The first deleted application holds the choice.
  private async assertSameServiceAsDeleted(participantId: number, paymentServiceId: number, ref: string): Promise<void> {
    const deleted = await this.repo.firstDeletedService(participantId);
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

  private async service(id: number): Promise<PaymentServiceTerms> {
    const row = await this.repo.paymentServiceTerms(id);
    if (!row) {
      throw new ApplicationException(ApplicationError.ServiceNotFound, `決済サービス（ID: ${id}）は見つかりません。`, {
        paymentServiceId: '存在しない決済サービスです。',
      });
    }
    return row;
  }

  private async campaignPeriod(id: number): Promise<ApplicationPeriod> {
    const row = await this.repo.campaignPeriod(id);
    if (!row) {
      throw new ApplicationException(ApplicationError.CampaignNotFound, `キャンペーン（ID: ${id}）は見つかりません。`, { campaignId: '存在しないキャンペーンです。' });
    }
    return row;
  }
}

function future(): ApplicationException {
  return new ApplicationException(ApplicationError.FutureInstant, '申し込み日時に未来の日時は指定できません。', { appliedAt: '未来の日時です。' });
}
