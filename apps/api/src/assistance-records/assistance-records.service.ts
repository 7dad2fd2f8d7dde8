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
import { Db } from '../common/db/db.service';
import { FieldErrors } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { Scope } from '../common/list/list-sql';
import { AssistanceRecordEntity } from './assistance-record.entity';
import { AssistanceRecordError, AssistanceRecordException } from './assistance-record.exception';
import { AssistanceRecordRecord, assistanceRecordsListSpec as spec } from './assistance-records.list-spec';
import { CreateAssistanceRecordDto, UpdateAssistanceRecordDto } from './dto/assistance-record.dto';

type Writable = Omit<CreateAssistanceRecordDto, never>;

const WRITABLE = [
  'visitedAt',
  'office',
  'assistanceTypes',
  'paymentServiceId',
  'outcome',
  'unableReason',
  'durationMinutes',
  'ageBand',
  'district',
  'proxy',
  'sharedTerminalUsed',
  'terminalLoggedOut',
  'serviceIdReadBack',
  'notes',
] as const satisfies readonly (keyof Writable)[];

// Columns that are NOT NULL with a default: a null in the body means "not given".
const NOT_NULL = new Set<string>(['visitedAt', 'office', 'assistanceTypes', 'outcome', 'durationMinutes', 'proxy', 'sharedTerminalUsed', 'terminalLoggedOut', 'serviceIdReadBack']);
const BLANK_IS_NULL = new Set<string>(['district', 'notes']);

const RULE_CODES: Record<AssistanceRule, AssistanceRecordError> = {
  card_application_main_office_only: AssistanceRecordError.CardApplicationAtBranch,
  unable_reason_required: AssistanceRecordError.UnableReasonRequired,
  unable_reason_only_when_unable: AssistanceRecordError.UnableReasonOnlyWhenUnable,
  terminal_logout_required: AssistanceRecordError.WrongPersonChecklist,
  service_id_read_back_required: AssistanceRecordError.WrongPersonChecklist,
};

const DEFAULTS = { proxy: 'none', sharedTerminalUsed: false, terminalLoggedOut: false, serviceIdReadBack: false } as const;

// The JST day a row was logged is today: the counter staff's edit window, in SQL so
// the check and the write are one statement.
const LOGGED_TODAY_SQL = `(created_at AT TIME ZONE 'Asia/Tokyo')::date = (now() AT TIME ZONE 'Asia/Tokyo')::date`;

@Injectable()
export class AssistanceRecordsService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
  ) {}

  list(q: ListQuery, user: AuthUser) {
    return this.lists.list<AssistanceRecordRecord>(spec, q, this.scope(user));
  }

  // Another clerk's record is "not found" for counter staff: they do not learn it exists.
  async get(id: number, user: AuthUser): Promise<AssistanceRecordRecord> {
    const record = await this.lists.get<AssistanceRecordRecord>(spec, id, this.scope(user));
    if (!record) throw new AssistanceRecordException(AssistanceRecordError.NotFound, `窓口支援記録（ID: ${id}）は見つかりません。`);
    return record;
  }

  async create(dto: CreateAssistanceRecordDto, user: AuthUser): Promise<AssistanceRecordRecord> {
    const values: Partial<AssistanceRecordEntity> = { ...DEFAULTS, visitedAt: new Date().toISOString(), ...pick(dto) };
    await this.assertValid(values);
    const { identifiers } = await this.db.repo(AssistanceRecordEntity).insert({ ...values, staffId: user.id });
    return this.get(identifiers[0].id, user);
  }

  async update(id: number, dto: UpdateAssistanceRecordDto, user: AuthUser): Promise<AssistanceRecordRecord> {
    const current = await this.get(id, user);
    const ownOnly = this.isOwnOnly(user);
    if (ownOnly && !isWithinCounterEditWindow(new Date(current.createdAt as string), new Date())) throw editWindowClosed();

    const changes = pick(dto);
    await this.assertValid({ ...(current as Partial<AssistanceRecordEntity>), ...changes });
    if (!Object.keys(changes).length) return current;

    const qb = this.db
      .repo(AssistanceRecordEntity)
      .createQueryBuilder()
      .update()
      .set({ ...changes, updatedAt: () => 'now()' })
      .where('id = :id', { id });
    if (ownOnly) qb.andWhere('staff_id = :staffId', { staffId: user.id }).andWhere(LOGGED_TODAY_SQL);
    const { affected } = await qb.execute();
    // Midnight passed between the read and the write.
    if (!affected) throw editWindowClosed();
    return this.get(id, user);
  }

  async remove(id: number, user: AuthUser): Promise<AssistanceRecordRecord> {
    const record = await this.get(id, user);
    await this.db.repo(AssistanceRecordEntity).delete(id);
    return record;
  }

  private isOwnOnly(user: AuthUser): boolean {
    return scopeOf(user.role, 'assistance-records') === 'own';
  }

  private scope(user: AuthUser): Scope | undefined {
    return this.isOwnOnly(user) ? { where: (p) => `ar.staff_id = ${p.add(user.id)}` } : undefined;
  }

  // The cross-field rules (libs/domain), then what needs the database. All broken
  // rules come back keyed by field; the code is the first one's.
  private async assertValid(r: Partial<AssistanceRecordEntity>): Promise<void> {
    // Missing required fields were refused by validation already (create) or come
    // from the stored record (update).
    const rules = r as AssistanceRecordEntity;
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
    if (r.paymentServiceId != null && !(await this.db.one('SELECT 1 FROM payment_services WHERE id = $1', [r.paymentServiceId]))) {
      fail('paymentServiceId', AssistanceRecordError.PaymentServiceNotFound, `決済サービス（ID: ${r.paymentServiceId}）は登録されていません。`);
    }
    if (code) throw new AssistanceRecordException(code, message, errors);
  }
}

function editWindowClosed(): AssistanceRecordException {
  return new AssistanceRecordException(AssistanceRecordError.EditWindowClosed, COUNTER_EDIT_WINDOW_CLOSED_MESSAGE.ja);
}

// Only the writable fields, and only those present: read-only fields a PUT carries
// (id, staffId, staffName, createdAt, updatedAt) are ignored.
function pick(dto: Partial<Writable>): Partial<AssistanceRecordEntity> {
  const out: Record<string, unknown> = {};
  for (const key of WRITABLE) {
    let value: unknown = dto[key];
    if (value === undefined || (value === null && NOT_NULL.has(key))) continue;
    if (BLANK_IS_NULL.has(key) && typeof value === 'string' && !value.trim()) value = null;
    out[key] = value;
  }
  return out as Partial<AssistanceRecordEntity>;
}
