import { Injectable } from '@nestjs/common';
import { IMPORT_ROW_ERROR, ImportRowError, normalizeMyKeyId, MYKEY_ID_FORMAT_MESSAGE } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import type { Sql } from '../common/db/sql-runner';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { selectList } from '../common/list/list-sql';
import { MyKeyHasher } from '../common/mykey/mykey-hasher';
import { CreatePointAwardDto } from './dto/point-award.dto';
import * as engine from './point-award-engine';
import { PointAwardError, PointAwardException } from './point-award.exception';
import { PointAwardRecord, pointAwardsListSpec } from './point-awards.list-spec';

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
    private readonly db: Db,
    private readonly lists: ListReader,
    private readonly hasher: MyKeyHasher,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<PointAwardRecord>(pointAwardsListSpec, q);
  }

  async get(id: number): Promise<PointAwardRecord> {
    const record = await this.lists.get<PointAwardRecord>(pointAwardsListSpec, id);
    if (!record) throw new PointAwardException(PointAwardError.NotFound, `ポイント付与（ID: ${id}）は見つかりません。`);
    return record;
  }

  /**
   * One award, by the same set-based rules as an operator report (one row staged in
   * a temporary table of this request's transaction), under the participant's lock.
   */
  async create(dto: CreatePointAwardDto, user: AuthUser): Promise<PointAwardRecord> {
    const key = this.hasher.digest(dto.myKeyId);
    if (!key || !normalizeMyKeyId(dto.myKeyId)) {
      throw new PointAwardException(PointAwardError.MyKeyInvalid, MYKEY_ID_FORMAT_MESSAGE, { myKeyId: MYKEY_ID_FORMAT_MESSAGE });
    }
    if (!(await this.db.one('SELECT 1 FROM payment_services WHERE id = $1', [dto.paymentServiceId]))) {
      throw new PointAwardException(PointAwardError.PaymentServiceUnknown, '決済サービスが登録されていません。', { paymentServiceId: '登録されていない決済サービスです。' });
    }
    const sql: Sql = (text, params) => this.db.query(text, params);
    await engine.createStage(sql, true);
    await sql(`INSERT INTO pa_stage (line, err, ${engine.STAGE_COLUMNS.map(([n]) => n).join(', ')}) VALUES (1, NULL, $1, $2, $3, $4, $5, $6)`, [
      dto.paymentServiceId,
      dto.externalId.trim(),
      key.hash,
      dto.transactionDate,
      dto.kind,
      dto.amountYen,
    ]);
    await engine.classify(sql, { campaignId: null, transient: true });
    const [{ outcome }] = await sql<{ outcome: ImportRowError | 'duplicate' | 'pending' }>('SELECT outcome FROM pa_cls');
    if (outcome !== 'pending') {
      const [code, field] = REFUSALS[outcome] ?? [PointAwardError.ExternalIdConflict, 'externalId'];
      const message = outcome === 'duplicate' ? 'この取引IDは既に登録されています（同じ取引は二重に付与されません）。' : IMPORT_ROW_ERROR.label(outcome);
      throw new PointAwardException(code, message, { [field]: message });
    }
    await engine.applyAll(sql, { importId: null, userId: user.id });
    // The new record read back by its natural key in one statement (not id, then
    // record): each round trip is paid under the participant's lock (docs/benchmarks.md).
    const [record] = await sql<PointAwardRecord>(
      `SELECT ${selectList(pointAwardsListSpec)} FROM ${pointAwardsListSpec.from} WHERE pa.payment_service_id = $1 AND pa.external_id = $2`,
      [dto.paymentServiceId, dto.externalId.trim()],
    );
    return record;
  }
}
