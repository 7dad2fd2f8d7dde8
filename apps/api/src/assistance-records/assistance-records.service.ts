import { Injectable } from '@nestjs/common';
import {
  AssistanceRule,
  COUNTER_EDIT_WINDOW_CLOSED_MESSAGE,
  VISIT_IN_FUTURE_MESSAGE,
  assistanceRuleViolations,
  isVisitInFuture,
  isWithinCounterEditWindow,
  scopeOf,
} from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import type { ColumnDef } from '../common/db/table';
import { FieldErrors } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { AssistanceRecordError, AssistanceRecordException } from './assistance-record.exception';
import { AssistanceRecordRecord, AssistanceRecordsRepository, assistanceRecordsTable as table } from './assistance-records.repository';
import { CreateAssistanceRecordDto, UpdateAssistanceRecordDto } from './dto/assistance-record.dto';

/** A record's fields as the rules read them (the body over the stored record). */
type Visit = Partial<CreateAssistanceRecordDto>;

// What a clerk writes; staffId is always the signed-in user.
const WRITABLE = table.writable.filter((f) => f !== 'staffId');

const RULE_CODES: Record<AssistanceRule, AssistanceRecordError> = {
  card_application_main_office_only: AssistanceRecordError.CardApplicationAtBranch,
  unable_reason_required: AssistanceRecordError.UnableReasonRequired,
  unable_reason_only_when_unable: AssistanceRecordError.UnableReasonOnlyWhenUnable,
  terminal_logout_required: AssistanceRecordError.WrongPersonChecklist,
  service_id_read_back_required: AssistanceRecordError.WrongPersonChecklist,
};

const DEFAULTS = { proxy: 'none', sharedTerminalUsed: false, terminalLoggedOut: false, serviceIdReadBack: false } as const;

@Injectable()
export class AssistanceRecordsService {
  constructor(private readonly repo: AssistanceRecordsRepository) {}

  list(q: ListQuery, user: AuthUser) {
    return this.repo.list(q, this.ownerId(user));
  }

  // Another clerk's record is "not found" for counter staff: they do not learn it exists.
  get(id: number, user: AuthUser): Promise<AssistanceRecordRecord> {
    return this.repo.getOrFail(id, this.ownerId(user));
  }

  async create(dto: CreateAssistanceRecordDto, user: AuthUser): Promise<AssistanceRecordRecord> {
    const values: Visit = withTerminal({ ...DEFAULTS, visitedAt: new Date().toISOString(), ...pick(dto) });
    await this.assertValid(values);
    const id = await this.repo.insert({ ...table.pick(values), staffId: user.id });
    return this.get(id, user);
  }

  async update(id: number, dto: UpdateAssistanceRecordDto, user: AuthUser): Promise<AssistanceRecordRecord> {
    const current = await this.get(id, user);
    const ownerId = this.ownerId(user);
    if (ownerId !== undefined && !isWithinCounterEditWindow(new Date(current.createdAt as string), new Date())) throw editWindowClosed();

    const changes = pick(dto);
    // A terminal recorded (now or before) means a shared terminal was used.
    if (changes.terminalId ?? (changes.terminalId === undefined ? current.terminalId : null)) changes.sharedTerminalUsed = true;
    await this.assertValid({ ...(current as Visit), ...changes });
    if (!Object.keys(changes).length) return current;

    // Midnight passed between the read and the write.
    if (!(await this.repo.update(id, changes, ownerId))) throw editWindowClosed();
    return this.get(id, user);
  }

  async remove(id: number, user: AuthUser): Promise<AssistanceRecordRecord> {
    const record = await this.get(id, user);
    await this.repo.delete(id);
    return record;
  }

  /** The clerk whose records alone this user may see and change (counter staff), or undefined for all. */
  private ownerId(user: AuthUser): number | undefined {
    return scopeOf(user.role, 'assistance-records') === 'own' ? user.id : undefined;
  }

  // The cross-field rules (libs/domain), then what needs the database. All broken
  // rules come back keyed by field; the code is the first one's.
  private async assertValid(r: Visit): Promise<void> {
    // Missing required fields were refused by validation already (create) or come
    // from the stored record (update).
    const rules = r as Required<Visit>;
    const errors: FieldErrors = {};
    let code: AssistanceRecordError | undefined;
    let message = '';
    const fail = (field: string, c: AssistanceRecordError, text: string) => {
      errors[field] ??= text;
      if (!code) {
        code = c;
        message = text;
      }
    };

    for (const v of assistanceRuleViolations(rules)) fail(v.field, RULE_CODES[v.rule], v.message.ja);
    if (r.visitedAt && isVisitInFuture(new Date(r.visitedAt), new Date())) {
      fail('visitedAt', AssistanceRecordError.VisitInFuture, VISIT_IN_FUTURE_MESSAGE.ja);
    }
    if (r.terminalId != null && !(await this.repo.terminalExists(r.terminalId))) {
      fail('terminalId', AssistanceRecordError.TerminalNotFound, `共用端末（ID: ${r.terminalId}）は登録されていません。`);
    }
    if (r.paymentServiceId != null && !(await this.repo.paymentServiceExists(r.paymentServiceId))) {
      fail('paymentServiceId', AssistanceRecordError.PaymentServiceNotFound, `決済サービス（ID: ${r.paymentServiceId}）は登録されていません。`);
    }
    if (code) throw new AssistanceRecordException(code, message, errors);
  }
}

// Recording the city's terminal says a shared terminal was used: the wrong-person
// checklist then holds for reservations and applications (and the database's CHECK).
function withTerminal(v: Visit): Visit {
  return v.terminalId != null ? { ...v, sharedTerminalUsed: true } : v;
}

function editWindowClosed(): AssistanceRecordException {
  return new AssistanceRecordException(AssistanceRecordError.EditWindowClosed, COUNTER_EDIT_WINDOW_CLOSED_MESSAGE.ja);
}

// Only the writable fields, and only those present: read-only fields a PUT carries
// (id, staffId, staffName, createdAt, updatedAt) are ignored. A null for a NOT NULL
// column means "not given"; blank text in a nullable text column is stored as null.
function pick(dto: Partial<CreateAssistanceRecordDto>): Visit {
  const out: Record<string, unknown> = table.pick(dto, WRITABLE);
  for (const [key, value] of Object.entries(out)) {
    const column: ColumnDef = table.columns[key as keyof typeof table.columns];
    if (value === null && !column.nullable) delete out[key];
    else if (column.nullable && column.kind === 'text' && typeof value === 'string' && !value.trim()) out[key] = null;
  }
  return out as Visit;
}
