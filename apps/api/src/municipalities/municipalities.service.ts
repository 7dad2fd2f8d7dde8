import { Injectable } from '@nestjs/common';
import { MUNICIPALITY_ROLES, localGovernmentCodeProblem } from '@mynapoint/domain';
import { AuthService } from '../auth/auth.service';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { DomainException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { UsersService } from '../users/users.service';
import { CreateMunicipalityDto, MunicipalityAdminDto, MunicipalityAdminResponseDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { MunicipalityError, MunicipalityException } from './municipality.exception';
import { MunicipalitiesRepository, MunicipalityRecord, MunicipalityRow, MunicipalitySettings, municipalitiesTable as table } from './municipalities.repository';

const CODE_PROBLEMS = {
  format: '団体コードは6桁の数字で入力してください（例: 152234）。',
  prefecture: '団体コードの上2桁は都道府県コード（01〜47）です。',
  check_digit: '団体コードの6桁目（検査数字）が合いません。入力し直してください。',
} as const;

// What a municipality's admin may change of its own row; the operator also opens and closes it.
const ADMIN_FIELDS = ['name', 'districts', 'districtPopulation', 'contactPhone', 'contactEmail', 'totpRequiredRoles', 'appointmentRetentionDays', 'closedDays'] as const;
const OPERATOR_FIELDS = [...ADMIN_FIELDS, 'active'] as const;

@Injectable()
export class MunicipalitiesService {
  constructor(
    // To write as the municipality being set up (its first admin), in the request's transaction.
    private readonly db: Db,
    private readonly repo: MunicipalitiesRepository,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<MunicipalityRecord> {
    return this.repo.getOrFail(id);
  }

  /**
   * The signed-in user's municipality: its name, districts and contact for the
   * settings, the dashboard, reports and notices. Null for the installation's accounts
   * (operator, prefecture), which belong to none.
   */
  async current(code: string | null = null): Promise<MunicipalitySettings | null> {
    return (await this.repo.current(code)) ?? null;
  }

  async create(dto: CreateMunicipalityDto): Promise<MunicipalityRecord> {
    const problem = localGovernmentCodeProblem(dto.code);
    if (problem) throw new MunicipalityException(MunicipalityError.CodeInvalid, CODE_PROBLEMS[problem], { code: CODE_PROBLEMS[problem] });
    if (await this.repo.codeTaken(dto.code)) {
      const message = `団体コード ${dto.code} の市区町村は既に登録されています。`;
      throw new MunicipalityException(MunicipalityError.CodeTaken, message, { code: message });
    }
    const row: MunicipalityRow = { ...cleaned(table.pick(dto, ['code', ...OPERATOR_FIELDS])), active: dto.active ?? true };
    checkPopulation((row.districts as string[] | undefined) ?? [], row.districtPopulation as Record<string, number> | undefined);
    const id = await this.repo.insert(row);
    if (dto.firstAdmin) await this.createAdmin(dto.code, dto.firstAdmin, 'firstAdmin.');
    return this.get(id);
  }

  /**
   * A further admin for a municipality (e.g. when the first one left). Its own
   * transaction: the audit row names the municipality and the new account, where the
   * generic one would take the account's id for the municipality's.
   */
  async addAdmin(id: number, dto: MunicipalityAdminDto, actor: AuthUser, ip: string | undefined): Promise<MunicipalityAdminResponseDto> {
    return this.db.transaction(async () => {
      const municipality = await this.get(id);
      const admin = await this.createAdmin(municipality.code as string, dto);
      await this.audit.record({
        user: actor,
        action: 'create',
        resource: 'municipalities',
        resourceId: id,
        ip,
        changes: { admin: { id: admin.id, username: admin.username, displayName: admin.displayName } },
      });
      return admin;
    });
  }

  async update(id: number, dto: UpdateMunicipalityDto, actor: AuthUser): Promise<MunicipalityRecord> {
    const current = await this.get(id);
    if (dto.code !== undefined && dto.code !== current.code) {
      const message = '団体コードは変更できません（この市区町村のすべてのデータがこのコードで記録されています）。';
      throw new MunicipalityException(MunicipalityError.CodeFixed, message, { code: message });
    }
    const operator = actor.role === 'operator';
    if (!operator && dto.active !== undefined && dto.active !== current.active) {
      const message = '利用中かどうかは運用事業者が設定します。';
      throw new MunicipalityException(MunicipalityError.OperatorOnly, message, { active: message });
    }
    const changes: MunicipalityRow = cleaned(table.pick(dto, operator ? OPERATOR_FIELDS : ADMIN_FIELDS));
    checkPopulation((changes.districts ?? current.districts) as string[], (changes.districtPopulation ?? current.districtPopulation) as Record<string, number>);
    if (!Object.keys(changes).length) return current;
    await this.repo.update(id, changes);
    // A closed municipality signs nobody in; who is signed in now is signed out too.
    if (changes.active === false && current.active) await this.db.asMunicipality(current.code as string, () => this.auth.endMunicipalitySessions());
    return this.get(id);
  }

  /**
   * Only a municipality set up by mistake goes: one with no accounts and no history.
   * One in use is closed instead (active: false), or its data removed completely.
   */
  async remove(id: number): Promise<MunicipalityRecord> {
    const municipality = await this.get(id);
    if (await this.db.asMunicipality(municipality.code as string, () => this.repo.hasUsersOrHistory())) {
      throw new MunicipalityException(
        MunicipalityError.InUse,
        `${municipality.name}（${municipality.code}）には職員のアカウントや記録があるため削除できません。利用を止めるときは「利用中」を外してください。`,
      );
    }
    await this.repo.delete(id);
    return municipality;
  }

  // The account is written as the municipality (row-level security and the column's
  // default give it the municipality's code), in the request's transaction.
  private async createAdmin(code: string, admin: MunicipalityAdminDto, fieldPrefix = ''): Promise<MunicipalityAdminResponseDto> {
    try {
      const user = await this.db.asMunicipality(code, () => this.users.create({ ...admin, role: 'admin', active: true }));
      // Field by field: the response is the account's public fields, nothing else.
      return {
        id: user.id as number,
        username: user.username as string,
        displayName: user.displayName as string,
        role: 'admin',
        active: user.active as boolean,
        createdAt: user.createdAt as Date,
      };
    } catch (e) {
      // The users feature names its fields; the form names them under firstAdmin.
      if (fieldPrefix && e instanceof DomainException && e.errors) {
        throw new DomainException(e.code, e.status, e.message, Object.fromEntries(Object.entries(e.errors).map(([k, v]) => [fieldPrefix + k, v])));
      }
      throw e;
    }
  }
}

// Empty contact fields are no contact; the required roles are kept in the roles' own order.
function cleaned<T extends MunicipalityRow>(row: T): T {
  for (const key of ['contactPhone', 'contactEmail'] as const) {
    if (typeof row[key] === 'string' && !(row[key] as string).trim()) row[key] = null;
  }
  if (Array.isArray(row.totpRequiredRoles)) row.totpRequiredRoles = MUNICIPALITY_ROLES.filter((r) => (row.totpRequiredRoles as string[]).includes(r));
  return row;
}

function checkPopulation(districts: readonly string[], population: Record<string, number> | undefined): void {
  const outside = Object.keys(population ?? {}).filter((d) => !districts.includes(d));
  if (outside.length) {
    const message = `地区別人口の「${outside.join('」「')}」は地区の一覧にありません。地区に加えるか、人口から外してください。`;
    throw new MunicipalityException(MunicipalityError.PopulationOutsideDistricts, message, { districtPopulation: message });
  }
}
