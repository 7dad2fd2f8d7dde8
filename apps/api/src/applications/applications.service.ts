import { Injectable } from '@nestjs/common';
import { ageWithin, applicationProblems, carriedCap, containsMyNumber, EligibilityInput, formatJapaneseDate, MY_NUMBER_REFUSED_MESSAGE, toJstDate } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { hashMyKeyIdFilter } from '../common/mykey/mykey-filter';
import { MyKeyDigest, MyKeyHasher } from '../common/mykey/mykey-hasher';
import { MeasuresService } from '../measures/measures.service';
import { REQUIRED } from '../common/validation/fields';
import { recordedAt } from '../common/validation/recorded-at';
import { ParticipantsService } from '../participants/participants.service';
import { ApplicationError, ApplicationException, ELIGIBILITY_ERRORS } from './application.exception';
import { ApplicationPeriod, ApplicationRecord, ApplicationsRepository, PaymentServiceTerms, applicationsTable } from './applications.repository';
import { CreateApplicationDto, UpdateApplicationDto } from './dto/application.dto';

// What the rules read of another feature's records, through its service.
type MeasureTerms = NonNullable<Awaited<ReturnType<MeasuresService['terms']>>>;
type ParticipantForApplication = NonNullable<Awaited<ReturnType<ParticipantsService['lockInMeasure']>>>;

// What a PUT may change: when, how, and the checks recorded with it; never whose or which service.
const EDITABLE = ['appliedAt', 'channel', 'preRegistered', 'certRenewedAt', 'certIssuedAt'] as const;

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly repo: ApplicationsRepository,
    private readonly hasher: MyKeyHasher,
    private readonly participants: ParticipantsService,
    private readonly measures: MeasuresService,
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
    const participant = dto.measureId !== undefined ? await this.participantInMeasure(dto, digest, appliedAt) : await this.reservedParticipant(dto, digest);
    if (participant.applicationId) {
      throw new ApplicationException(
        ApplicationError.AlreadyApplied,
        `マイキーID ${digest.ref} は、この施策に既に申し込み済みです。申し込みは1人1施策1回で、選んだ決済サービスは変更できません。`,
        { myKeyId: '申し込み済みのマイキーIDです。' },
      );
    }
    await this.assertSameServiceAsDeleted(participant.id, dto.paymentServiceId, digest.ref);
    const service = await this.service(dto.paymentServiceId);
    const measure = await this.measure(participant.measureId);
    this.assertEligible({
      appliedAt,
      reservedAt: participant.reservedAt,
      reservationRequired: measure.reservationsTaken,
      service,
      campaign: measure,
      measureService: await this.repo.measureService(measure.id, dto.paymentServiceId),
      preRegistered: dto.preRegistered ?? false,
      certRenewedAt: dto.certRenewedAt ?? null,
      certIssuedAt: dto.certIssuedAt ?? null,
    });

    const id = await this.repo.insert({
      participantId: participant.id,
      paymentServiceId: dto.paymentServiceId,
      appliedAt,
      channel: dto.channel,
      preRegistered: dto.preRegistered ?? false,
      certRenewedAt: dto.certRenewedAt ?? null,
      certIssuedAt: dto.certIssuedAt ?? null,
      createdBy: user.id,
    });
    if (id === undefined) throw new ApplicationException(ApplicationError.AlreadyApplied, `マイキーID ${digest.ref} は、この施策に既に申し込み済みです。`);
    return this.get(id);
  }

  /**
   * Without a measure (the contract before measures): the participant of the campaign
   * this MyKey ID reserved in (its first measure), locked: a second application, or
   * the deletion of the reservation, for the same person waits until this one is decided.
   */
  private async reservedParticipant(dto: CreateApplicationDto, digest: MyKeyDigest): Promise<ParticipantForApplication> {
    if (dto.campaignId !== undefined) await this.campaignPeriod(dto.campaignId);
    const found = await this.participants.lockForApplication(digest.hash, dto.campaignId);
    if (found.length > 1) {
      throw new ApplicationException(
        ApplicationError.CampaignRequired,
        `マイキーID ${digest.ref} は複数のキャンペーン・施策に参加しています。どの施策への申し込みか指定してください（measureId）。`,
        { campaignId: 'キャンペーンを選んでください。', measureId: '施策を選んでください。' },
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
    return participant;
  }

  /**
   * With a measure: the person's row in it, locked. A measure of a campaign that takes
   * reservations needs the reservation's row; another (Round 2, a top-up) makes the row
   * on the application, after its eligibility: a person who reached an earlier round's
   * cap is refused from a `new_or_below_cap` measure, one below it carries their points.
   */
  private async participantInMeasure(dto: CreateApplicationDto, digest: MyKeyDigest, appliedAt: Date): Promise<ParticipantForApplication> {
    const measure = await this.measure(dto.measureId!);
    if (dto.campaignId !== undefined && dto.campaignId !== measure.campaignId) {
      throw new ApplicationException(ApplicationError.MeasureNotFound, `施策「${measure.name}」は指定のキャンペーンのものではありません。`, { measureId: '別のキャンペーンの施策です。' });
    }
    const found = await this.participants.lockInMeasure(digest.hash, measure.id);
    if (found) return found;
    if (measure.reservationsTaken) {
      throw new ApplicationException(ApplicationError.NoReservation, `マイキーID ${digest.ref} のこのキャンペーンでのマイナポイント予約がありません。先に予約を登録してください。`, {
        myKeyId: '予約がないマイキーIDです。',
      });
    }
    this.assertMeasureEligible(measure, dto, appliedAt);
    const cap = (measure.kind === 'fixed_amount' ? measure.fixedAmountYen : measure.capPerPersonYen)!;
    let carried = 0;
    if (measure.eligibility === 'new_or_below_cap') {
      const earlier = await this.participants.earlierPoints(digest.hash, measure.id);
      if (carriedCap(cap, earlier) === null) {
        throw new ApplicationException(
          ApplicationError.NotEligible,
          `マイキーID ${digest.ref} は前の回で上限（${cap.toLocaleString('ja-JP')}円）までポイントを受け取っているため、この施策の対象外です。`,
          { myKeyId: '前の回で上限に達しています。' },
        );
      }
      carried = earlier ?? 0;
    }
    await this.participants.enrolInMeasure(measure.id, digest, carried);
    const enrolled = await this.participants.lockInMeasure(digest.hash, measure.id);
    if (!enrolled) throw new ApplicationException(ApplicationError.NotEligible, `施策「${measure.name}」の上限が変わったため申し込めません。もう一度お試しください。`);
    return enrolled;
  }

  // The measure's own eligibility (docs/api-notes.md "Measures"): what the application states.
  private assertMeasureEligible(measure: MeasureTerms, dto: CreateApplicationDto, appliedAt: Date): void {
    if (measure.eligibility === 'card_applied_by') {
      if (!dto.cardAppliedOn) {
        throw notEligible(`施策「${measure.name}」はカードを${formatJapaneseDate(measure.cardAppliedBy!)}までに申請した人が対象です。カードの申請日を入力してください。`, 'cardAppliedOn', '必須項目です。');
      }
      if (dto.cardAppliedOn > measure.cardAppliedBy!) {
        throw notEligible(`施策「${measure.name}」はカードを${formatJapaneseDate(measure.cardAppliedBy!)}までに申請した人が対象です。`, 'cardAppliedOn', '期限より後の申請です。');
      }
    }
    if (measure.eligibility === 'residents_by_age') {
      const range = `${measure.minAge ?? ''}〜${measure.maxAge ?? ''}歳`;
      if (dto.age === undefined) throw notEligible(`施策「${measure.name}」は${range}の住民が対象です。申し込み時の年齢を入力してください。`, 'age', '必須項目です。');
      if (!ageWithin(dto.age, measure.minAge, measure.maxAge)) throw notEligible(`施策「${measure.name}」は${range}の住民が対象です（${toJstDate(appliedAt)}時点）。`, 'age', '対象の年齢ではありません。');
    }
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
    const measure = await this.measure(current.measureId);
    this.assertEligible({
      appliedAt: changes.appliedAt ?? current.appliedAt,
      reservedAt: current.reservedAt,
      reservationRequired: measure.reservationsTaken,
      service: await this.service(current.paymentServiceId),
      campaign: measure,
      measureService: await this.repo.measureService(measure.id, current.paymentServiceId),
      preRegistered: changes.preRegistered ?? current.preRegistered,
      certRenewedAt: changes.certRenewedAt !== undefined ? changes.certRenewedAt : current.certRenewedAt,
      certIssuedAt: changes.certIssuedAt !== undefined ? changes.certIssuedAt : current.certIssuedAt,
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

  private async measure(id: number): Promise<MeasureTerms> {
    const row = await this.measures.terms(id);
    if (!row) throw new ApplicationException(ApplicationError.MeasureNotFound, `施策（ID: ${id}）は見つかりません。`, { measureId: '存在しない施策です。' });
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

function notEligible(message: string, field: string, fieldMessage: string): ApplicationException {
  return new ApplicationException(ApplicationError.NotEligible, message, { [field]: fieldMessage });
}

function future(): ApplicationException {
  return new ApplicationException(ApplicationError.FutureInstant, '申し込み日時に未来の日時は指定できません。', { appliedAt: '未来の日時です。' });
}
