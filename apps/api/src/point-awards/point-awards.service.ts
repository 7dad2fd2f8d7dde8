import { Injectable } from '@nestjs/common';
import { IMPORT_ROW_ERROR, ImportRowError, basePoints, formatJapaneseDate } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { MyKeyDigest, MyKeyHasher } from '../common/mykey/mykey-hasher';
import { REQUIRED } from '../common/validation/fields';
import { MeasuresService } from '../measures/measures.service';
import { CreatePointAwardDto } from './dto/point-award.dto';
import { PointAwardError, PointAwardException } from './point-award.exception';
import { OneRow, PointAwardRecord, PointAwardsRepository } from './point-awards.repository';

// Outcomes of the engine's classification → the API's errors, with the field to show them at.
const REFUSALS: Partial<Record<ImportRowError | 'duplicate', [PointAwardError, string]>> = {
  campaign_unknown: [PointAwardError.CampaignUnknown, 'transactionDate'],
  participant_unknown: [PointAwardError.ParticipantUnknown, 'myKeyId'],
  not_applied_to_measure: [PointAwardError.NotAppliedToMeasure, 'myKeyId'],
  not_applied_to_service: [PointAwardError.NotAppliedToService, 'paymentServiceId'],
  outside_earning_period: [PointAwardError.OutsideEarningPeriod, 'transactionDate'],
  external_id_conflict: [PointAwardError.ExternalIdConflict, 'externalId'],
  duplicate: [PointAwardError.Duplicate, 'externalId'],
};

@Injectable()
export class PointAwardsService {
  constructor(
    private readonly repo: PointAwardsRepository,
    private readonly hasher: MyKeyHasher,
    private readonly measures: MeasuresService,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<PointAwardRecord> {
    return this.repo.getOrFail(id);
  }

  create(dto: CreatePointAwardDto, user: AuthUser): Promise<PointAwardRecord> {
    const key = this.hasher.digest(dto.myKeyId);
    return dto.kind === 'registration' ? this.register(dto, key, user) : this.spend(dto, key, user);
  }

  /**
   * A charge or purchase, by the same rules as an operator report (the engine's
   * classification and points, on a one-row VALUES), in the request's transaction:
   * classify (routing it to the person's measure by date) and lock the participant;
   * for a budgeted measure take the points from the budget; award and read back.
   * (docs/benchmarks.md, finding 6.)
   */
  private async spend(dto: CreatePointAwardDto, key: MyKeyDigest, user: AuthUser): Promise<PointAwardRecord> {
    required(dto, ['paymentServiceId', 'externalId', 'transactionDate', 'amountYen']);
    const row: OneRow = {
      paymentServiceId: dto.paymentServiceId!,
      externalId: dto.externalId!.trim(),
      mykeyHash: key.hash,
      transactionDate: dto.transactionDate!,
      kind: dto.kind,
      amountYen: dto.amountYen!,
    };
    const cls = await this.repo.classifyOne(row);
    if (!cls.serviceKnown) {
      throw new PointAwardException(PointAwardError.PaymentServiceUnknown, '決済サービスが登録されていません。', { paymentServiceId: '登録されていない決済サービスです。' });
    }
    const outcome = cls.outcome as ImportRowError | 'duplicate' | 'pending';
    // A participant deleted since the classification's snapshot has no row to lock.
    if (outcome !== 'pending' || cls.room === null) {
      const refused = outcome === 'pending' ? 'participant_unknown' : outcome;
      const [code, field] = REFUSALS[refused] ?? [PointAwardError.ExternalIdConflict, 'externalId'];
      const message = refused === 'duplicate' ? 'この取引IDは既に登録されています（同じ取引は二重に付与されません）。' : IMPORT_ROW_ERROR.label(refused);
      throw new PointAwardException(code, message, { [field]: message });
    }
    if (dto.measureId !== undefined && dto.measureId !== cls.measureId) {
      throw new PointAwardException(
        PointAwardError.OtherMeasure,
        `この取引は取引日と申し込みから別の施策（ID: ${cls.measureId}）の対象です。施策の指定を外すか、正しい施策を指定してください。`,
        { measureId: '取引日と申し込みから決まる施策と違います。' },
      );
    }
    let room = cls.room;
    const points = Math.min(basePoints(row.amountYen, cls.rate!), room);
    if (cls.budgeted && points > 0) {
      // The participant is locked already; the measure's row comes second (every writer's order).
      room = await this.repo.takeBudget(cls.measureId!, points, true);
      if (room === 0) throw budgetExhausted();
    }
    // A transaction id recorded by a concurrent request since the classification fails
    // the insert on UNIQUE (payment_service_id, external_id): a 409 from the error filter.
    return this.repo.awardOne({ ...row, participantId: cls.participantId!, campaignId: cls.campaignId!, rate: cls.rate!, room }, user.id);
  }

  /**
   * A fixed measure's award: exactly its amount, once per person (the participant
   * locked; a second is a 409, and the partial unique index point_awards_one_registration
   * is the last line), to the service the person applied with; from a budget, all of it
   * or nothing (409).
   */
  private async register(dto: CreatePointAwardDto, key: MyKeyDigest, user: AuthUser): Promise<PointAwardRecord> {
    required(dto, ['measureId']);
    const occurredOn = dto.occurredOn ?? dto.transactionDate;
    if (!occurredOn) required(dto, ['occurredOn']);
    if (dto.amountYen !== undefined) {
      throw new CommonException(CommonError.ValidationFailed, '登録のポイントは施策の定額です。金額は指定しません。', { amountYen: '登録（registration）では指定しません。' });
    }
    const measure = await this.measures.terms(dto.measureId!);
    if (!measure) throw new PointAwardException(PointAwardError.MeasureUnknown, `施策（ID: ${dto.measureId}）は見つかりません。`, { measureId: '存在しない施策です。' });
    if (measure.kind !== 'fixed_amount') {
      throw new PointAwardException(PointAwardError.MeasureKind, `施策「${measure.name}」は定額の施策ではありません（登録のポイントは定額の施策だけです）。`, { kind: '定額の施策ではありません。' });
    }
    if (occurredOn! < measure.earningStartsOn || occurredOn! > measure.earningEndsOn) {
      const message = `登録日が施策「${measure.name}」の期間（${formatJapaneseDate(measure.earningStartsOn)}〜${formatJapaneseDate(measure.earningEndsOn)}）外です。`;
      throw new PointAwardException(PointAwardError.OutsideEarningPeriod, message, { occurredOn: message });
    }
    const who = await this.repo.lockRegistrant(key.hash, measure.id);
    if (!who?.paymentServiceId) {
      const message = `マイキーID ${key.ref} は施策「${measure.name}」に申し込んでいません。先に申し込みを登録してください。`;
      throw new PointAwardException(PointAwardError.NotAppliedToMeasure, message, { myKeyId: message });
    }
    if (dto.paymentServiceId !== undefined && dto.paymentServiceId !== who.paymentServiceId) {
      const message = IMPORT_ROW_ERROR.label('not_applied_to_service');
      throw new PointAwardException(PointAwardError.NotAppliedToService, message, { paymentServiceId: message });
    }
    if (who.registered) {
      throw new PointAwardException(PointAwardError.AlreadyRegistered, `マイキーID ${key.ref} は施策「${measure.name}」のポイントを受け取り済みです（1人1回）。`, {
        myKeyId: '受け取り済みです。',
      });
    }
    const amount = measure.fixedAmountYen!;
    if (measure.budgeted && (await this.repo.takeBudget(measure.id, amount, false)) === 0) throw budgetExhausted();
    return this.repo.awardOne(
      {
        paymentServiceId: who.paymentServiceId,
        externalId: `REG-M${measure.id}-P${who.participantId}`,
        mykeyHash: key.hash,
        transactionDate: occurredOn!,
        kind: 'registration',
        amountYen: amount,
        participantId: who.participantId,
        campaignId: who.campaignId,
        rate: 100,
        room: who.room,
      },
      user.id,
    );
  }
}

function required(dto: CreatePointAwardDto, fields: Array<keyof CreatePointAwardDto>): void {
  const missing = fields.filter((f) => dto[f] === undefined || dto[f] === null);
  if (missing.length) {
    throw new CommonException(CommonError.ValidationFailed, `入力内容に誤りがあります（${missing.join(', ')}）。`, Object.fromEntries(missing.map((f) => [f, REQUIRED])));
  }
}

function budgetExhausted(): PointAwardException {
  return new PointAwardException(PointAwardError.BudgetExhausted, 'この施策の予算を使い切ったため、ポイントを付与できません。', { measureId: '予算を使い切りました。' });
}
