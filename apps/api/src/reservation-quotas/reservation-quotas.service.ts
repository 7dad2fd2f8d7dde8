import { Injectable } from '@nestjs/common';
import { formatJstDateTime, jstStartOfDay, addDays, quotaWindowContains } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { SqlParams } from '../common/db/sql-params';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { pickWritable } from '../common/validation/pick';
import { CreateReservationQuotaDto, UpdateReservationQuotaDto } from './dto/reservation-quota.dto';
import { ReservationQuotaError, ReservationQuotaException } from './reservation-quota.exception';
import { ReservationQuotaRecord, reservationQuotasListSpec } from './reservation-quotas.list-spec';

const COLUMNS = {
  campaignId: 'campaign_id',
  name: 'name',
  capacity: 'capacity',
  warnAtPercent: 'warn_at_percent',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
} as const satisfies Record<string, string>;
const WRITABLE = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

/**
 * Takes one unit of the quota `quota` for a reservation made at `at` (both SQL
 * parameters), returning the quota's id, or no row when none may be taken: for a
 * reservation's statement to use as its CTE. The whole rule is this one statement's
 * WHERE clause, so under any concurrency the quota is never oversold, and a rollback
 * of the caller gives the unit back. The window is checked against the reservation's
 * own instant (not the clock), so historical entries and imports follow the same rule.
 */
export function takeUnitSql(quota: string, at: string): string {
  return `UPDATE reservation_quotas SET used = used + 1
          WHERE id = ${quota} AND used < capacity AND ${at}::timestamptz >= opens_at AND ${at}::timestamptz < closes_at
          RETURNING id`;
}

interface QuotaRow {
  id: number;
  campaignId: number;
  name: string;
  capacity: number;
  used: number;
  opensAt: Date;
  closesAt: Date;
}

@Injectable()
export class ReservationQuotasService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<ReservationQuotaRecord>(reservationQuotasListSpec, q);
  }

  async get(id: number): Promise<ReservationQuotaRecord> {
    const record = await this.lists.get<ReservationQuotaRecord>(reservationQuotasListSpec, id);
    if (!record) throw new ReservationQuotaException(ReservationQuotaError.NotFound, `予約枠（ID: ${id}）は見つかりません。`);
    return record;
  }

  async create(dto: CreateReservationQuotaDto): Promise<ReservationQuotaRecord> {
    const campaign = await this.campaignPeriod(dto.campaignId);
    // Without explicit instants the quota takes the campaign's reservation period,
    // whole JST days: from the first day 0:00 to the day after the last.
    const opensAt = dto.opensAt ?? jstStartOfDay(campaign.reservationOpensOn).toISOString();
    const closesAt = dto.closesAt ?? jstStartOfDay(addDays(campaign.reservationClosesOn, 1)).toISOString();
    checkWindow(opensAt, closesAt);
    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO reservation_quotas (campaign_id, name, capacity, warn_at_percent, opens_at, closes_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [dto.campaignId, dto.name, dto.capacity, dto.warnAtPercent ?? 90, opensAt, closesAt],
    );
    return this.get(row.id);
  }

  async update(id: number, dto: UpdateReservationQuotaDto): Promise<ReservationQuotaRecord> {
    const current = await this.get(id);
    const changes = pickWritable(dto, WRITABLE);
    if (changes.campaignId !== undefined) await this.campaignPeriod(changes.campaignId);
    checkWindow(changes.opensAt ?? (current.opensAt as Date), changes.closesAt ?? (current.closesAt as Date));
    if (!Object.keys(changes).length) return current;

    // One statement: the guards on `used` are evaluated against the row as locked,
    // so a reservation taking a unit at the same moment cannot slip past them.
    const p = new SqlParams();
    const sets = Object.entries(changes).map(([k, v]) => `${COLUMNS[k as keyof typeof COLUMNS]} = ${p.add(v)}`);
    const idParam = p.add(id);
    const capacity = changes.capacity !== undefined ? p.add(changes.capacity) : 'capacity';
    const campaign = changes.campaignId !== undefined ? p.add(changes.campaignId) : 'campaign_id';
    const updated = await this.db.query(
      `UPDATE reservation_quotas SET ${sets.join(', ')}, updated_at = now()
       WHERE id = ${idParam} AND used <= ${capacity} AND (used = 0 OR campaign_id = ${campaign}) RETURNING id`,
      p.values,
    );
    if (!updated.length) {
      const now = await this.row(id);
      if (now && changes.capacity !== undefined && now.used > changes.capacity) {
        throw new ReservationQuotaException(
          ReservationQuotaError.CapacityBelowUsed,
          `既に${now.used.toLocaleString('ja-JP')}件の予約があるため、上限を${changes.capacity.toLocaleString('ja-JP')}件にはできません。${now.used.toLocaleString('ja-JP')}件以上にしてください。`,
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
    const [use] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reservations WHERE quota_id = $1', [id]);
    if (use.n > 0) {
      throw new ReservationQuotaException(ReservationQuotaError.InUse, `この予約枠には予約が${use.n.toLocaleString('ja-JP')}件あるため削除できません。`);
    }
    await this.db.query('DELETE FROM reservation_quotas WHERE id = $1', [id]);
    return record;
  }

  /** Nothing when the quota exists; a 400 when there is no such quota. */
  async mustExist(quotaId: number): Promise<void> {
    if (!(await this.row(quotaId))) throw unknownQuota(quotaId);
  }

  /** Why `takeUnitSql` found no row: said so that counter staff know what to do next. */
  async refusal(quotaId: number, reservedAt: Date | string): Promise<ReservationQuotaException> {
    const q = await this.row(quotaId);
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

  private async row(id: number): Promise<QuotaRow | undefined> {
    return this.db.one<QuotaRow>(
      `SELECT id, campaign_id AS "campaignId", name, capacity, used, opens_at AS "opensAt", closes_at AS "closesAt"
       FROM reservation_quotas WHERE id = $1`,
      [id],
    );
  }

  private async campaignPeriod(campaignId: number): Promise<{ reservationOpensOn: string; reservationClosesOn: string }> {
    const row = await this.db.one<{ reservationOpensOn: string; reservationClosesOn: string }>(
      `SELECT to_char(reservation_opens_on, 'YYYY-MM-DD') AS "reservationOpensOn", to_char(reservation_closes_on, 'YYYY-MM-DD') AS "reservationClosesOn"
       FROM campaigns WHERE id = $1`,
      [campaignId],
    );
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
