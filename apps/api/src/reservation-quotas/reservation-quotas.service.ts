import { Injectable } from '@nestjs/common';
import { formatJstDateTime, jstStartOfDay, addDays, quotaWindowContains } from '@mynapoint/domain';
import { ListQuery } from '../common/list/list-query';
import { CreateReservationQuotaDto, UpdateReservationQuotaDto } from './dto/reservation-quota.dto';
import { ReservationQuotaError, ReservationQuotaException } from './reservation-quota.exception';
import { CampaignPeriod, ReservationQuotaRecord, ReservationQuotasRepository, reservationQuotasTable } from './reservation-quotas.repository';

@Injectable()
export class ReservationQuotasService {
  constructor(private readonly repo: ReservationQuotasRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<ReservationQuotaRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateReservationQuotaDto): Promise<ReservationQuotaRecord> {
    const campaign = await this.campaignPeriod(dto.campaignId);
    // Without explicit instants the quota takes the campaign's reservation period,
    // whole JST days: from the first day 0:00 to the day after the last.
    const opensAt = dto.opensAt ?? jstStartOfDay(campaign.reservationOpensOn).toISOString();
    const closesAt = dto.closesAt ?? jstStartOfDay(addDays(campaign.reservationClosesOn, 1)).toISOString();
    checkWindow(opensAt, closesAt);
    const id = await this.repo.insert({ ...reservationQuotasTable.pick(dto), warnAtPercent: dto.warnAtPercent ?? 90, opensAt, closesAt });
    return this.get(id);
  }

  async update(id: number, dto: UpdateReservationQuotaDto): Promise<ReservationQuotaRecord> {
    const current = await this.get(id);
    const changes = reservationQuotasTable.pick(dto);
    if (changes.campaignId !== undefined) await this.campaignPeriod(changes.campaignId as number);
    checkWindow((changes.opensAt ?? current.opensAt) as string | Date, (changes.closesAt ?? current.closesAt) as string | Date);
    if (!Object.keys(changes).length) return current;

    if (!(await this.repo.updateGuarded(id, changes))) {
      const now = await this.repo.state(id);
      const capacity = changes.capacity as number | undefined;
      if (now && capacity !== undefined && now.used > capacity) {
        throw new ReservationQuotaException(
          ReservationQuotaError.CapacityBelowUsed,
          `既に${now.used.toLocaleString('ja-JP')}件の予約があるため、上限を${capacity.toLocaleString('ja-JP')}件にはできません。${now.used.toLocaleString('ja-JP')}件以上にしてください。`,
          { capacity: `${now.used}以上にしてください（現在の予約数）。` },
        );
      }
      throw new ReservationQuotaException(
        ReservationQuotaError.CampaignFixed,
        '予約が登録されている予約枠は、別のキャンペーンに移せません。',
        { campaignId: '予約がある予約枠のキャンペーンは変更できません。' },
      );
    }
    return this.get(id);
  }

  async remove(id: number): Promise<ReservationQuotaRecord> {
    const record = await this.get(id);
    const reservations = await this.repo.reservationCount(id);
    if (reservations > 0) {
      throw new ReservationQuotaException(ReservationQuotaError.InUse, `この予約枠には予約が${reservations.toLocaleString('ja-JP')}件あるため削除できません。`);
    }
    await this.repo.delete(id);
    return record;
  }

  /** Nothing when the quota exists; a 400 when there is no such quota. */
  async mustExist(quotaId: number): Promise<void> {
    if (!(await this.repo.state(quotaId))) throw unknownQuota(quotaId);
  }

  /**
   * Why take_quota_unit (the database function that takes a unit) returned no unit:
   * said so that counter staff know what to do next.
   */
  async refusal(quotaId: number, reservedAt: Date | string): Promise<ReservationQuotaException> {
    const q = await this.repo.state(quotaId);
    if (!q) return unknownQuota(quotaId);
    if (!quotaWindowContains(q, reservedAt)) {
      return new ReservationQuotaException(
        ReservationQuotaError.Closed,
        `予約枠「${q.name}」の受付期間（${formatJstDateTime(q.opensAt)} 〜 ${formatJstDateTime(q.closesAt)}）外のため予約できません（予約日時: ${formatJstDateTime(new Date(reservedAt))}）。受付中の予約枠を選んでください。`,
        { quotaId: '受付期間外の予約枠です。' },
      );
    }
    return new ReservationQuotaException(
      ReservationQuotaError.Full,
      `予約枠「${q.name}」は上限（${q.capacity.toLocaleString('ja-JP')}件）に達したため、予約を受け付けられません。別の予約枠を選ぶか、政策推進係に枠の追加を相談してください。`,
      { quotaId: '上限に達した予約枠です。' },
    );
  }

  private async campaignPeriod(campaignId: number): Promise<CampaignPeriod> {
    const row = await this.repo.campaignPeriod(campaignId);
    if (!row) {
      throw new ReservationQuotaException(ReservationQuotaError.CampaignNotFound, `キャンペーン（ID: ${campaignId}）は見つかりません。`, {
        campaignId: '存在しないキャンペーンです。',
      });
    }
    return row;
  }
}

function unknownQuota(quotaId: number): ReservationQuotaException {
  return new ReservationQuotaException(ReservationQuotaError.UnknownQuota, `予約枠（ID: ${quotaId}）は見つかりません。予約枠を選び直してください。`, {
    quotaId: '存在しない予約枠です。',
  });
}

function checkWindow(opensAt: Date | string, closesAt: Date | string): void {
  if (new Date(opensAt).getTime() >= new Date(closesAt).getTime()) {
    throw new ReservationQuotaException(ReservationQuotaError.WindowOrder, '受付終了日時は受付開始日時より後にしてください。', {
      closesAt: '受付開始日時より後にしてください。',
    });
  }
}
