import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isNationalLockedForCaller } from '../common/db/reference-data';
import { ListQuery } from '../common/list/list-query';
import { CreateMeasureDto, MeasurePaymentServiceDto, UpdateMeasureDto } from './dto/measure.dto';
import { MeasureError, MeasureException } from './measure.exception';
import { MeasureRecord, MeasureRow, MeasureTerms, MeasuresRepository, measuresTable } from './measures.repository';

type Values = Record<string, unknown>;

const PERIODS = [
  ['applicationOpensOn', 'applicationClosesOn', '申し込み期間'],
  ['earningStartsOn', 'earningEndsOn', 'ポイント対象期間'],
] as const;

@Injectable()
export class MeasuresService {
  constructor(private readonly repo: MeasuresRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<MeasureRecord> {
    return this.repo.getOrFail(id);
  }

  /** For applications and awards: the measure's terms, or undefined when there is none the caller can see. */
  terms(id: number): Promise<MeasureTerms | undefined> {
    return this.repo.terms(id);
  }

  async create(dto: CreateMeasureDto): Promise<MeasureRecord> {
    const campaign = await this.repo.campaign(dto.campaignId);
    if (!campaign) throw new MeasureException(MeasureError.CampaignNotFound, `キャンペーン（ID: ${dto.campaignId}）は見つかりません。`, { campaignId: '存在しないキャンペーンです。' });
    if (isNationalLockedForCaller(campaign)) throw national();
    const row: MeasureRow = {
      applicationOpensOn: campaign.applicationOpensOn,
      applicationClosesOn: campaign.applicationClosesOn,
      earningStartsOn: campaign.earningStartsOn,
      earningEndsOn: campaign.earningEndsOn,
      eligibility: 'anyone_with_card',
      fundedBy: 'national',
      ...measuresTable.pick(dto),
    };
    check(row as Values, campaign.national);
    await this.assertNameFree(dto.campaignId, dto.name);
    await this.assertServicesKnown(dto.paymentServices);
    const id = await this.repo.insert(row);
    if (dto.paymentServices) await this.repo.setPaymentServices(id, dto.paymentServices);
    return this.get(id);
  }

  async update(id: number, dto: UpdateMeasureDto): Promise<MeasureRecord> {
    const current = await this.writable(id);
    const changes = measuresTable.pick(dto);
    if (changes.campaignId !== undefined && changes.campaignId !== current.campaignId) {
      throw new MeasureException(MeasureError.KindFixed, '施策のキャンペーンは変更できません。', { campaignId: '変更できません。' });
    }
    const next = { ...(current as Values), ...changes };
    check(next, current.national === true);
    if (changes.name !== undefined) await this.assertNameFree(current.campaignId as number, changes.name as string, id);
    await this.assertServicesKnown(dto.paymentServices);
    // The measure's row locked: an award statement raising its counter waits, or has committed.
    const state = (await this.repo.lockState(id))!;
    if (next.kind !== current.kind && state.participants > 0) {
      throw new MeasureException(MeasureError.KindFixed, `参加者が${state.participants}人いる施策の付与の種類は変更できません。`, { kind: '参加者がいるため変更できません。' });
    }
    if (next.budgetYen != null && (next.budgetYen as number) < state.awardedYen) {
      throw new MeasureException(
        MeasureError.BudgetBelowAwarded,
        `予算を${yen(next.budgetYen as number)}円にはできません。既に${yen(state.awardedYen)}円分を付与しています。`,
        { budgetYen: '付与済みの額より少ない予算にはできません。' },
      );
    }
    if (Object.keys(changes).length) await this.repo.update(id, changes);
    const delta = capOf(next) - capOf(current as Values);
    if (next.kind === current.kind && delta !== 0 && state.participants > 0) await this.shiftCaps(id, delta, capOf(next));
    if (dto.paymentServices) await this.repo.setPaymentServices(id, dto.paymentServices);
    return this.get(id);
  }

  async remove(id: number): Promise<MeasureRecord> {
    const record = await this.writable(id);
    const n = await this.repo.participantCount(id);
    if (n) throw new MeasureException(MeasureError.InUse, `この施策には参加者が${n}人いるため削除できません。`);
    await this.repo.delete(id);
    return record;
  }

  private async writable(id: number): Promise<MeasureRecord> {
    const record = await this.get(id);
    if (isNationalLockedForCaller(record)) throw national();
    return record;
  }

  private async shiftCaps(id: number, delta: number, capYen: number): Promise<void> {
    const over = delta < 0 ? await this.repo.participantsAbove(id, delta) : { n: 0, max: null };
    if (over.n) throw capBelowAwarded(capYen, `${over.n}人に最大${yen(over.max!)}円分のポイントが付与済みです。`);
    try {
      await this.repo.shiftParticipantCaps(id, delta);
    } catch (e) {
      if (e instanceof QueryFailedError && (e as { constraint?: string }).constraint === 'participants_points_within_cap') {
        throw capBelowAwarded(capYen, 'その額を超えるポイントが付与済みの参加者がいます。');
      }
      throw e;
    }
  }

  private async assertNameFree(campaignId: number, name: string, exceptId = 0): Promise<void> {
    if (await this.repo.nameTaken(campaignId, name, exceptId)) {
      throw new MeasureException(MeasureError.DuplicateName, `このキャンペーンには施策「${name}」が既にあります。`, { name: '同じ名前の施策があります。' });
    }
  }

  private async assertServicesKnown(services: MeasurePaymentServiceDto[] | undefined): Promise<void> {
    if (!services?.length) return;
    const ids = services.map((s) => s.paymentServiceId);
    if (new Set(ids).size !== ids.length) {
      throw new MeasureException(MeasureError.PaymentServiceUnknown, '同じ決済サービスが2回指定されています。', { paymentServices: '決済サービスが重複しています。' });
    }
    const unknown = await this.repo.unknownPaymentServices(ids);
    if (unknown.length) {
      throw new MeasureException(MeasureError.PaymentServiceUnknown, `決済サービス（ID: ${unknown.join(', ')}）は見つかりません。`, { paymentServices: '存在しない決済サービスがあります。' });
    }
  }
}

/** The cap a participant of the measure gets: the cap per person, or the fixed amount. */
export function capOf(m: Values): number {
  return (m.kind === 'fixed_amount' ? m.fixedAmountYen : m.capPerPersonYen) as number;
}

function yen(n: number): string {
  return n.toLocaleString('ja-JP');
}

function national(): MeasureException {
  return new MeasureException(MeasureError.National, '国のキャンペーンの施策は変更できません（運用事業者が管理しています）。');
}

function capBelowAwarded(capYen: number, detail: string): MeasureException {
  return new MeasureException(MeasureError.CapBelowAwarded, `上限を${yen(capYen)}円に下げることはできません。${detail}`, {
    capPerPersonYen: '付与済みのポイントより少ない上限にはできません。',
  });
}

// Each rule the database holds too (measures' CHECKs), said next to the field.
function check(m: Values, nationalCampaign: boolean): void {
  const errors: Record<string, string> = {};
  for (const [from, to, label] of PERIODS) {
    if (m[from] && m[to] && (m[from] as string) > (m[to] as string)) errors[to] = `${label}の終了日は開始日以降にしてください。`;
  }
  if (Object.keys(errors).length) throw new MeasureException(MeasureError.PeriodOrder, `期間の指定に誤りがあります（${Object.values(errors).join(' ')}）`, errors);

  if (m.kind === 'rate_with_cap') {
    if (m.ratePercent == null) errors.ratePercent = '付与率を入力してください。';
    if (m.capPerPersonYen == null) errors.capPerPersonYen = '1人あたりの上限を入力してください。';
    if (m.fixedAmountYen != null) errors.fixedAmountYen = '付与率・上限ありの施策には定額を指定できません。';
  } else {
    if (m.fixedAmountYen == null) errors.fixedAmountYen = '定額を入力してください。';
    if (m.ratePercent != null) errors.ratePercent = '定額の施策には付与率を指定できません。';
    if (m.capPerPersonYen != null) errors.capPerPersonYen = '定額の施策には上限を指定できません（定額が上限です）。';
  }
  if (Object.keys(errors).length) throw new MeasureException(MeasureError.KindTerms, `付与の内容に誤りがあります（${Object.values(errors).join(' ')}）`, errors);

  if (m.eligibility === 'card_applied_by' && !m.cardAppliedBy) errors.cardAppliedBy = 'カード申請の期限を入力してください。';
  if (m.eligibility !== 'card_applied_by' && m.cardAppliedBy) errors.cardAppliedBy = '対象者が「期日までにカードを申請した人」のときだけ指定できます。';
  if (m.eligibility === 'residents_by_age' && m.minAge == null && m.maxAge == null) errors.maxAge = '対象年齢の下限か上限を入力してください。';
  if (m.eligibility !== 'residents_by_age' && (m.minAge != null || m.maxAge != null)) errors.minAge = '対象者が「市町村の住民（年齢の範囲）」のときだけ指定できます。';
  if (m.minAge != null && m.maxAge != null && (m.minAge as number) > (m.maxAge as number)) errors.maxAge = '上限は下限以上にしてください。';
  if (Object.keys(errors).length) throw new MeasureException(MeasureError.EligibilityTerms, `対象者の指定に誤りがあります（${Object.values(errors).join(' ')}）`, errors);

  if (m.fundedBy === 'national' && m.budgetYen != null) errors.budgetYen = '国の施策には予算を指定しません（予算は都道府県・市町村の施策のものです）。';
  if (m.fundedBy !== 'national' && m.budgetYen == null) errors.budgetYen = '都道府県・市町村の施策には予算が必須です。';
  if (m.fundedBy !== 'national' && nationalCampaign) errors.fundedBy = '国のキャンペーンの施策の財源は国です（自治体の上乗せは自治体のキャンペーンに登録してください）。';
  if (Object.keys(errors).length) throw new MeasureException(MeasureError.BudgetTerms, `財源・予算の指定に誤りがあります（${Object.values(errors).join(' ')}）`, errors);
}
