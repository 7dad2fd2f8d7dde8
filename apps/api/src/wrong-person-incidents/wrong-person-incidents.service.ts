import { Injectable } from '@nestjs/common';
import { INCIDENT_INITIAL_STATUS, addDays, canTransitionIncident, incidentStatusNeeds, incidentTransitionRefusal, toJstDate } from '@mynapoint/domain';
import type { AuthUser } from '../common/auth/permission.decorator';
import { FieldErrors } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { CreateWrongPersonIncidentDto, UpdateWrongPersonIncidentDto, WrongPersonIncidentHistoryDto } from './dto/wrong-person-incident.dto';
import { WrongPersonIncidentError, WrongPersonIncidentException } from './wrong-person-incident.exception';
import { IncidentRecord, WrongPersonIncidentsRepository, incidentsTable as table } from './wrong-person-incidents.repository';

const PLAIN = ['occurredOn', 'cause', 'terminalId', 'paymentServiceId', 'description', 'residentsContactStatus', 'operatorReplyStatus', 'operatorReply', 'micReportedOn', 'micReportRef'] as const;
const NULLABLE_TEXT = ['operatorReply', 'micReportRef'] as const;

@Injectable()
export class WrongPersonIncidentsService {
  constructor(private readonly repo: WrongPersonIncidentsRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<IncidentRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateWrongPersonIncidentDto, actor: AuthUser): Promise<IncidentRecord> {
    const values = normalize(dto);
    await this.checkReferences(values, dto.assistanceRecordIds);
    const id = await this.repo.insert({ cause: 'unknown', residentsContactStatus: 'not_contacted', operatorReplyStatus: 'not_asked', ...values, status: INCIDENT_INITIAL_STATUS, reportedBy: actor.id });
    if (dto.assistanceRecordIds?.length) await this.repo.setVisits(id, dto.assistanceRecordIds);
    await this.repo.addHistory({ incidentId: id, fromStatus: null, toStatus: INCIDENT_INITIAL_STATUS, changedBy: actor.id, comment: null });
    return this.get(id);
  }

  async update(id: number, dto: UpdateWrongPersonIncidentDto, actor: AuthUser): Promise<IncidentRecord> {
    const current = await this.repo.lockOrFail(id);
    const values = normalize(dto);
    await this.checkReferences(values, dto.assistanceRecordIds);

    const comment = dto.statusComment?.trim() || null;
    const newStatus = dto.status !== undefined && dto.status !== current.status ? dto.status : null;
    if (newStatus) {
      if (!canTransitionIncident(current.status, newStatus)) {
        throw new WrongPersonIncidentException(WrongPersonIncidentError.IllegalTransition, incidentTransitionRefusal(current.status, newStatus));
      }
      const micReportedOn = 'micReportedOn' in values ? (values.micReportedOn as string | null) : current.micReportedOn;
      const need = incidentStatusNeeds(newStatus, { micReportedOn });
      if (need) throw new WrongPersonIncidentException(WrongPersonIncidentError.StatusNeeds, need, { micReportedOn: need });
    } else if (comment) {
      throw new WrongPersonIncidentException(WrongPersonIncidentError.StatusCommentWithoutChange, 'コメントは状態を変更するときに入力してください。', {
        statusComment: '状態を変更するときだけ入力できます。',
      });
    }

    const changes = { ...values, ...(newStatus ? { status: newStatus } : {}) };
    if (Object.keys(changes).length) await this.repo.update(id, changes);
    if (dto.assistanceRecordIds) await this.repo.setVisits(id, dto.assistanceRecordIds);
    if (newStatus) await this.repo.addHistory({ incidentId: id, fromStatus: current.status, toStatus: newStatus, changedBy: actor.id, comment });
    return this.get(id);
  }

  async remove(id: number): Promise<IncidentRecord> {
    const record = await this.get(id);
    await this.repo.delete(id);
    return record;
  }

  async history(id: number): Promise<WrongPersonIncidentHistoryDto[]> {
    await this.get(id);
    return this.repo.history(id);
  }

  private async checkReferences(values: Record<string, unknown>, recordIds: number[] | undefined): Promise<void> {
    const errors: FieldErrors = {};
    let code: WrongPersonIncidentError | null = null;
    const fail = (field: string, c: WrongPersonIncidentError, message: string) => {
      errors[field] ??= message;
      code ??= c;
    };
    if (typeof values.occurredOn === 'string' && values.occurredOn > addDays(toJstDate(new Date()), 0)) fail('occurredOn', WrongPersonIncidentError.InFuture, '発生日が未来になっています。');
    if (typeof values.terminalId === 'number' && !(await this.repo.terminalExists(values.terminalId))) fail('terminalId', WrongPersonIncidentError.UnknownTerminal, `共用端末（ID: ${values.terminalId}）は登録されていません。`);
    if (typeof values.paymentServiceId === 'number' && !(await this.repo.paymentServiceExists(values.paymentServiceId))) {
      fail('paymentServiceId', WrongPersonIncidentError.UnknownPaymentService, `決済サービス（ID: ${values.paymentServiceId}）は登録されていません。`);
    }
    if (recordIds?.length) {
      const missing = await this.repo.missingVisits(recordIds);
      if (missing.length) fail('assistanceRecordIds', WrongPersonIncidentError.UnknownVisit, `窓口支援記録（ID: ${missing.join('、')}）は見つかりません。`);
    }
    if (code) throw new WrongPersonIncidentException(code, Object.values(errors)[0], errors);
  }
}

// Only the plain fields present; blank optional texts are stored as NULL.
function normalize(dto: Partial<CreateWrongPersonIncidentDto>): Record<string, unknown> {
  const out: Record<string, unknown> = table.pick(dto, PLAIN);
  for (const key of NULLABLE_TEXT) if (typeof out[key] === 'string' && !(out[key] as string).trim()) out[key] = null;
  for (const key of ['occurredOn', 'description', 'cause', 'residentsContactStatus', 'operatorReplyStatus'] as const) if (out[key] === null) delete out[key];
  return out;
}
