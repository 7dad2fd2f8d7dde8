import { Injectable } from '@nestjs/common';
import {
  FRAUD_INITIAL_STATUS,
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
import type { ColumnDef } from '../common/db/table';
import { CommonError, CommonException, FieldErrors } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { REQUIRED } from '../common/validation/fields';
import { CreateFraudAlertDto, FraudAlertHistoryDto, UpdateFraudAlertDto } from './dto/fraud-alert.dto';
import { FraudAlertError, FraudAlertException } from './fraud-alert.exception';
import { FraudAlertRecord, FraudAlertsRepository, fraudAlertsTable as table } from './fraud-alerts.repository';

// Plain fields a write may set as sent (status, severity and the notice's stamp have their own rules).
const PLAIN = ['reportedAt', 'channel', 'impersonated', 'requestedItems', 'damageYen', 'district', 'description', 'noticeTitle', 'noticeBody'] as const;
type PlainValues = Partial<Pick<CreateFraudAlertDto, (typeof PLAIN)[number]>>;

// A clock a few minutes fast at the counter PC must not block a report.
const FUTURE_TOLERANCE_MS = 10 * 60_000;

@Injectable()
export class FraudAlertsService {
  constructor(private readonly repo: FraudAlertsRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<FraudAlertRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateFraudAlertDto, actor: AuthUser): Promise<FraudAlertRecord> {
    assertMayTriage(actor, dto);
    const values = normalize(dto);
    assertNotInFuture(values.reportedAt);
    const facts = { damageYen: dto.damageYen ?? 0, requestedItems: dto.requestedItems ?? [] };
    const severity = dto.severity ?? defaultFraudSeverity(facts);
    assertSeverity(severity, facts);

    const id = await this.repo.insert({ status: FRAUD_INITIAL_STATUS, severity, reportedBy: actor.id, ...values });
    await this.repo.addHistory({ fraudAlertId: id, fromStatus: null, toStatus: FRAUD_INITIAL_STATUS, changedBy: actor.id, comment: null });
    return this.get(id);
  }

  async update(id: number, dto: UpdateFraudAlertDto, actor: AuthUser): Promise<FraudAlertRecord> {
    const current = await this.repo.lockOrFail(id);
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

    await this.repo.update(id, { severity, ...(newStatus ? { status: newStatus } : {}), ...values });
    if (newStatus) await this.repo.addHistory({ fraudAlertId: id, fromStatus: current.status, toStatus: newStatus, changedBy: actor.id, comment });
    return this.get(id);
  }

  async remove(id: number): Promise<FraudAlertRecord> {
    const record = await this.get(id);
    await this.repo.delete(id);
    return record;
  }

  /**
   * Stamps noticePublishedAt once. The row lock makes two publishes take turns: the
   * second finds the stamp and is refused. What is published is printed and handed
   * out, so an empty field or a draft marker (「（案）」, 〇〇, TODO …) is refused too.
   */
  async publish(id: number, actor: AuthUser): Promise<FraudAlertRecord> {
    const current = await this.repo.lockOrFail(id);
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
    await this.repo.publish(id, actor.id);
    return this.get(id);
  }

  async history(id: number): Promise<FraudAlertHistoryDto[]> {
    await this.get(id);
    return this.repo.history(id);
  }
}

// Only the plain fields, and only those present; blank optional texts are stored as NULL.
function normalize(dto: Partial<CreateFraudAlertDto>): PlainValues {
  const out: Record<string, unknown> = table.pick(dto, PLAIN);
  const missing: FieldErrors = {};
  for (const [key, value] of Object.entries(out)) {
    const column: ColumnDef = table.columns[key as (typeof PLAIN)[number]];
    // Optional in the DTO (PUT sends what changed) but never empty in the table.
    if (value === null && !column.nullable) {
      missing[key] = REQUIRED;
      delete out[key];
    } else if (column.nullable && typeof value === 'string' && !value.trim()) out[key] = null;
  }
  if (Object.keys(missing).length) throw new CommonException(CommonError.ValidationFailed, `入力内容に誤りがあります（${Object.keys(missing).join('、')}）。`, missing);
  return out as PlainValues;
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
