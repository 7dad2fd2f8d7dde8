import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isNationalLockedForCaller } from '../common/db/reference-data';
import { ListQuery } from '../common/list/list-query';
import { CampaignError, CampaignException } from './campaign.exception';
import { CampaignRecord, CampaignsRepository, campaignsTable } from './campaigns.repository';
import { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';

type Periods = Pick<CreateCampaignDto, (typeof PERIODS)[number][0] | (typeof PERIODS)[number][1]>;
const PERIODS = [
  ['reservationOpensOn', 'reservationClosesOn', '予約期間'],
  ['applicationOpensOn', 'applicationClosesOn', '申し込み期間'],
  ['earningStartsOn', 'earningEndsOn', 'ポイント対象期間'],
] as const;

export const DEFAULT_AWARD_RATE_PERCENT = 25;
export const DEFAULT_CAP_PER_PERSON_YEN = 5000;

@Injectable()
export class CampaignsService {
  constructor(private readonly repo: CampaignsRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<CampaignRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateCampaignDto): Promise<CampaignRecord> {
    checkPeriods(dto);
    await this.assertNameFree(dto.name);
    const id = await this.repo.insert({
      awardRatePercent: DEFAULT_AWARD_RATE_PERCENT,
      capPerPersonYen: DEFAULT_CAP_PER_PERSON_YEN,
      ...campaignsTable.pick(dto),
    });
    return this.get(id);
  }

  async update(id: number, dto: UpdateCampaignDto): Promise<CampaignRecord> {
    const current = await this.writable(id);
    const changes = campaignsTable.pick(dto);
    checkPeriods({ ...(current as unknown as Periods), ...changes });
    if (changes.name !== undefined) await this.assertNameFree(changes.name, id);
    if (!Object.keys(changes).length) return current;
    // Updating the campaign row first locks it: reservations enrolling a participant
    // read the cap under a share lock on this row, so none slips in with the old cap.
    await this.repo.update(id, changes);
    // A campaign of one rate measure: the measure follows (trigger
    // campaigns_only_measure_follows: an extension extends it), and so do its
    // participants' caps. A campaign of several measures: each keeps its own terms.
    const single = (await this.repo.use(id)).measures === 1;
    if (single && changes.capPerPersonYen !== undefined && changes.capPerPersonYen !== current.capPerPersonYen) {
      await this.syncParticipantCaps(id, changes.capPerPersonYen);
    }
    return this.get(id);
  }

  async remove(id: number): Promise<CampaignRecord> {
    const record = await this.writable(id);
    const use = await this.repo.use(id);
    if (use.quotas || use.participants) {
      throw new CampaignException(
        CampaignError.InUse,
        `このキャンペーンには予約枠${use.quotas}件・参加者${use.participants}人が登録されているため削除できません。先に予約枠を削除してください。`,
      );
    }
    await this.repo.delete(id);
    return record;
  }

  /** The record, when the caller may change it: a national one only the operator may. */
  private async writable(id: number): Promise<CampaignRecord> {
    const record = await this.get(id);
    if (isNationalLockedForCaller(record)) {
      throw new CampaignException(CampaignError.National, '国が登録したキャンペーンは変更できません（運用事業者が管理しています）。');
    }
    return record;
  }

  private async syncParticipantCaps(campaignId: number, capYen: number): Promise<void> {
    const over = await this.repo.participantsAbove(campaignId, capYen);
    if (over.n) throw capBelowAwarded(capYen, `${over.n}人に最大${over.max!.toLocaleString('ja-JP')}円分のポイントが付与済みです。`);
    try {
      await this.repo.setParticipantCaps(campaignId, capYen);
    } catch (e) {
      // An award committed between the check and the update.
      if (e instanceof QueryFailedError && (e as { constraint?: string }).constraint === 'participants_points_within_cap') {
        throw capBelowAwarded(capYen, 'その額を超えるポイントが付与済みの参加者がいます。');
      }
      throw e;
    }
  }

  private async assertNameFree(name: string, exceptId = 0): Promise<void> {
    if (await this.repo.nameTaken(name, exceptId)) throw new CampaignException(CampaignError.DuplicateName, `キャンペーン「${name}」は既に登録されています。`);
  }
}

function capBelowAwarded(capYen: number, detail: string): CampaignException {
  return new CampaignException(
    CampaignError.CapBelowAwarded,
    `1人あたり上限を${capYen.toLocaleString('ja-JP')}円に下げることはできません。${detail}上限は付与済みの額以上にしてください。`,
    { capPerPersonYen: '付与済みのポイントより少ない上限にはできません。' },
  );
}

// Each period must not end before it starts (the database checks it too; this gives
// the message next to the field).
function checkPeriods(values: Periods): void {
  const errors: Record<string, string> = {};
  for (const [from, to, label] of PERIODS) {
    if (values[from] && values[to] && values[from] > values[to]) errors[to] = `${label}の終了日は開始日以降にしてください。`;
  }
  if (Object.keys(errors).length) {
    throw new CampaignException(CampaignError.PeriodOrder, `期間の指定に誤りがあります（${Object.values(errors).join(' ')}）`, errors);
  }
}
