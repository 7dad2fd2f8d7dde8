import { Injectable } from '@nestjs/common';
import { IMPORT_ROW_ERROR, ImportRowError } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { ListQuery } from '../common/list/list-query';
import { MyKeyHasher } from '../common/mykey/mykey-hasher';
import { CreatePointAwardDto } from './dto/point-award.dto';
import { PointAwardError, PointAwardException } from './point-award.exception';
import { OneRow, PointAwardRecord, PointAwardsRepository } from './point-awards.repository';

// Outcomes of the engine's classification → the API's errors, with the field to show them at.
const REFUSALS: Partial<Record<ImportRowError | 'duplicate', [PointAwardError, string]>> = {
  campaign_unknown: [PointAwardError.CampaignUnknown, 'transactionDate'],
  participant_unknown: [PointAwardError.ParticipantUnknown, 'myKeyId'],
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
  ) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<PointAwardRecord> {
    return this.repo.getOrFail(id);
  }

  /**
   * One award, by the same rules as an operator report (the engine's classification
   * and points, on a one-row VALUES), in two statements of the request's transaction:
   * classify and lock the participant, then award and read the record back.
   * (docs/benchmarks.md, finding 6.)
   */
  async create(dto: CreatePointAwardDto, user: AuthUser): Promise<PointAwardRecord> {
    const key = this.hasher.digest(dto.myKeyId);
    const row: OneRow = {
      paymentServiceId: dto.paymentServiceId,
      externalId: dto.externalId.trim(),
      mykeyHash: key.hash,
      transactionDate: dto.transactionDate,
      kind: dto.kind,
      amountYen: dto.amountYen,
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
    // A transaction id recorded by a concurrent request since the classification fails
    // the insert on UNIQUE (payment_service_id, external_id): a 409 from the error filter.
    return this.repo.awardOne({ ...row, participantId: cls.participantId!, campaignId: cls.campaignId!, rate: cls.rate!, room: cls.room }, user.id);
  }
}
