import { Injectable } from '@nestjs/common';
import {
  FRAUD_INITIAL_STATUS,
  FraudStatus,
  RequestedItem,
  SEVERITY,
  Severity,
  can,
  canTransitionFraud,
  defaultFraudSeverity,
  formatJapaneseEraDate,
  fraudTransitionRefusal,
  isSeverityAllowed,
  maxSeverity,
  noticeProblemMessage,
  noticeProblems,
} from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { CommonError, CommonException, FieldErrors } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { REQUIRED } from '../common/validation/fields';
import { CreateFraudAlertDto, FraudAlertHistoryDto, UpdateFraudAlertDto } from './dto/fraud-alert.dto';
import { FraudAlertError, FraudAlertException } from './fraud-alert.exception';
import { FraudAlertRecord, fraudAlertsListSpec as spec } from './fraud-alerts.list-spec';

// Plain columns a write may set (status, severity and the notice have their own rules).
const COLUMNS = {
  reportedAt: 'reported_at',
  channel: 'channel',
  impersonated: 'impersonated',
  requestedItems: 'requested_items',
  damageYen: 'damage_yen',
  district: 'district',
  description: 'description',
  noticeTitle: 'notice_title',
  noticeBody: 'notice_body',
} as const satisfies Partial<Record<keyof CreateFraudAlertDto, string>>;
type Column = keyof typeof COLUMNS;
const NULLABLE: ReadonlySet<Column> = new Set(['district', 'noticeTitle', 'noticeBody']);

// The row as the rules need it, read under a row lock.
interface LockedAlert {
  status: FraudStatus;
  severity: Severity;
  damageYen: number;
  requestedItems: RequestedItem[];
  noticeTitle: string | null;
  noticeBody: string | null;
  noticePublishedAt: Date | null;
}

// A clock a few minutes fast at the counter PC must not block a report.
const FUTURE_TOLERANCE_MS = 10 * 60_000;

@Injectable()
export class FraudAlertsService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<FraudAlertRecord>(spec, q);
  }

  async get(id: number): Promise<FraudAlertRecord> {
    const record = await this.lists.get<FraudAlertRecord>(spec, id);
    if (!record) throw notFound(id);
    return record;
  }

  async create(dto: CreateFraudAlertDto, actor: AuthUser): Promise<FraudAlertRecord> {
    assertMayTriage(actor, dto);
    const values = normalize(dto);
    assertNotInFuture(values.reportedAt);
    const facts = { damageYen: dto.damageYen ?? 0, requestedItems: dto.requestedItems ?? [] };
    const severity = dto.severity ?? defaultFraudSeverity(facts);
    assertSeverity(severity, facts);

    const cols: string[] = ['status', 'severity', 'reported_by'];
    const params: unknown[] = [FRAUD_INITIAL_STATUS, severity, actor.id];
    for (const [key, value] of Object.entries(values) as [Column, unknown][]) {
      cols.push(COLUMNS[key]);
      params.push(value);
    }
    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO fraud_alerts (${cols.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      params,
    );
    await this.addHistory(row.id, null, FRAUD_INITIAL_STATUS, actor, null);
    return this.get(row.id);
  }

  async update(id: number, dto: UpdateFraudAlertDto, actor: AuthUser): Promise<FraudAlertRecord> {
    const current = await this.lock(id);
    const values = normalize(dto);
    if (values.reportedAt !== undefined) assertNotInFuture(values.reportedAt);

    // A published notice is what residents were given: it stays as published.
    if (current.noticePublishedAt) {
      for (const key of ['noticeTitle', 'noticeBody'] as const) {
        if (values[key] === undefined) continue;
        if (values[key] !== current[key]) {
          throw new FraudAlertException(
            FraudAlertError.NoticeFrozen,
            `この注意喚起は${formatJapaneseEraDate(current.noticePublishedAt)}に公開済みのため、見出し・本文は変更できません。`,
            { [key]: '公開済みの注意喚起は変更できません。' },
          );
        }
        delete values[key];
      }
    }

    // Severity: react-admin sends the stored value back with every save, so only a
    // different value is a choice; otherwise it follows the facts upwards, never down.
    const facts = { damageYen: dto.damageYen ?? current.damageYen, requestedItems: dto.requestedItems ?? current.requestedItems };
    let severity: Severity;
    if (dto.severity !== undefined && dto.severity !== current.severity) {
      assertSeverity(dto.severity, facts);
      severity = dto.severity;
    } else {
      severity = maxSeverity(current.severity, defaultFraudSeverity(facts));
    }

    // Status: the same rule whether the edit form or a status button sends it.
    const comment = dto.statusComment?.trim() || null;
    const newStatus = dto.status !== undefined && dto.status !== current.status ? dto.status : null;
    if (newStatus && !canTransitionFraud(current.status, newStatus)) {
      throw new FraudAlertException(FraudAlertError.IllegalTransition, fraudTransitionRefusal(current.status, newStatus));
    }
    if (comment && !newStatus) {
      throw new FraudAlertException(FraudAlertError.StatusCommentWithoutChange, 'コメントは対応状況を変更するときに入力してください。', {
        statusComment: '対応状況を変更するときだけ入力できます。',
      });
    }

    const sets = ['severity = $2', 'updated_at = now()'];
    const params: unknown[] = [id, severity];
    if (newStatus) {
      params.push(newStatus);
      sets.push(`status = $${params.length}`);
    }
    for (const [key, value] of Object.entries(values) as [Column, unknown][]) {
      params.push(value);
      sets.push(`${COLUMNS[key]} = $${params.length}`);
    }
    await this.db.query(`UPDATE fraud_alerts SET ${sets.join(', ')} WHERE id = $1`, params);
    if (newStatus) await this.addHistory(id, current.status, newStatus, actor, comment);
    return this.get(id);
  }

  async remove(id: number): Promise<FraudAlertRecord> {
    const record = await this.get(id);
    await this.db.query('DELETE FROM fraud_alerts WHERE id = $1', [id]);
    return record;
  }

  /**
   * Stamps noticePublishedAt once. The row lock makes two publishes take turns: the
   * second finds the stamp and is refused. What is published is printed and handed
   * out, so an empty field or a draft marker (「（案）」, 〇〇, TODO …) is refused too.
   */
  async publish(id: number, actor: AuthUser): Promise<FraudAlertRecord> {
    const current = await this.lock(id);
    if (current.noticePublishedAt) {
      const record = await this.get(id);
      throw new FraudAlertException(
        FraudAlertError.NoticeAlreadyPublished,
        `この注意喚起は${formatJapaneseEraDate(current.noticePublishedAt)}に公開済みです（${record.noticePublishedByName ?? ''}）。`,
      );
    }
    const problems = noticeProblems(current);
    if (problems.length) {
      const errors: FieldErrors = {};
      for (const p of problems) errors[p.field] ??= noticeProblemMessage(p);
      if (problems.some((p) => p.kind === 'empty')) {
        throw new FraudAlertException(FraudAlertError.NoticeIncomplete, '注意喚起の見出しと本文を入力してから公開してください。', errors);
      }
      throw new FraudAlertException(
        FraudAlertError.NoticeDraftMarker,
        `${problems.map(noticeProblemMessage).join('')}公開すると印刷用チラシにそのまま載るため、政策推進係が文面を仕上げてから公開してください。`,
        errors,
      );
    }
    await this.db.query(
      `UPDATE fraud_alerts SET notice_published_at = now(), notice_published_by = $2, updated_at = now() WHERE id = $1 AND notice_published_at IS NULL`,
      [id, actor.id],
    );
    return this.get(id);
  }

  async history(id: number): Promise<FraudAlertHistoryDto[]> {
    await this.get(id);
    return this.db.query<FraudAlertHistoryDto>(
      `SELECT h.id::int AS id, h.from_status AS "fromStatus", h.to_status AS "toStatus", h.changed_at AS "changedAt",
              h.changed_by AS "changedBy", u.display_name AS "changedByName", h.comment
         FROM fraud_alert_history h JOIN users u ON u.id = h.changed_by
        WHERE h.fraud_alert_id = $1
        ORDER BY h.changed_at, h.id`,
      [id],
    );
  }

  // The row lock makes concurrent saves and status changes of one alert take turns,
  // so each one judges the status the previous one left.
  private async lock(id: number): Promise<LockedAlert> {
    const row = await this.db.one<LockedAlert>(
      `SELECT status, severity, damage_yen AS "damageYen", requested_items AS "requestedItems",
              notice_title AS "noticeTitle", notice_body AS "noticeBody", notice_published_at AS "noticePublishedAt"
         FROM fraud_alerts WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound(id);
    return row;
  }

  private async addHistory(alertId: number, from: FraudStatus | null, to: FraudStatus, actor: AuthUser, comment: string | null): Promise<void> {
    await this.db.query('INSERT INTO fraud_alert_history (fraud_alert_id, from_status, to_status, changed_by, comment) VALUES ($1, $2, $3, $4, $5)', [
      alertId,
      from,
      to,
      actor.id,
      comment,
    ]);
  }
}

function notFound(id: number): FraudAlertException {
  return new FraudAlertException(FraudAlertError.NotFound, `詐欺情報（ID: ${id}）は見つかりません。`);
}

// Only the writable fields, and only those present; blank optional texts are stored as NULL.
function normalize(dto: Partial<CreateFraudAlertDto>): Partial<Record<Column, unknown>> & { reportedAt?: string; noticeTitle?: string | null; noticeBody?: string | null } {
  const out: Record<string, unknown> = {};
  const missing: FieldErrors = {};
  for (const key of Object.keys(COLUMNS) as Column[]) {
    const value = dto[key];
    if (value === undefined) continue;
    // Optional in the DTO (PUT sends what changed) but never empty in the table.
    if (value === null && !NULLABLE.has(key)) {
      missing[key] = REQUIRED;
      continue;
    }
    out[key] = NULLABLE.has(key) && typeof value === 'string' && !value.trim() ? null : value;
  }
  if (Object.keys(missing).length) throw new CommonException(CommonError.ValidationFailed, `入力内容に誤りがあります（${Object.keys(missing).join('、')}）。`, missing);
  return out;
}

function assertNotInFuture(reportedAt: string | undefined): void {
  if (reportedAt !== undefined && Date.parse(reportedAt) > Date.now() + FUTURE_TOLERANCE_MS) {
    throw new FraudAlertException(FraudAlertError.ReportedInFuture, '受付日時が未来になっています。', { reportedAt: '現在より後の日時は指定できません。' });
  }
}

function assertSeverity(severity: Severity, facts: { damageYen: number; requestedItems: RequestedItem[] }): void {
  if (isSeverityAllowed(severity, facts)) return;
  const floor = SEVERITY.label(defaultFraudSeverity(facts));
  throw new FraudAlertException(FraudAlertError.SeverityBelowDefault, `この内容の重大度は「${floor}」以上です（被害や求められたものから決まる既定値より下げられません）。`, {
    severity: `「${floor}」以上を選んでください。`,
  });
}

// Counter staff record what the resident reported; judging severity and drafting
// the public notice is policy staff's part (roles with edit on fraud-alerts).
function assertMayTriage(actor: AuthUser, dto: CreateFraudAlertDto): void {
  if (can(actor.role, 'fraud-alerts', 'edit')) return;
  const facts = { damageYen: dto.damageYen ?? 0, requestedItems: dto.requestedItems ?? [] };
  const field =
    dto.severity !== undefined && dto.severity !== defaultFraudSeverity(facts)
      ? 'severity'
      : dto.noticeTitle?.trim() || dto.noticeBody?.trim()
        ? dto.noticeTitle?.trim()
          ? 'noticeTitle'
          : 'noticeBody'
        : null;
  if (field) {
    throw new FraudAlertException(FraudAlertError.TriageNotAllowed, '重大度の変更と注意喚起の作成は政策推進係が行います。', {
      [field]: '窓口では入力できません。',
    });
  }
}
