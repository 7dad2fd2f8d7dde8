import { Injectable } from '@nestjs/common';
import { ListQuery } from '../common/list/list-query';
import { CreateDeskDto, UpdateDeskDto } from './dto/desk.dto';
import { DeskError, DeskException } from './desk.exception';
import { DeskRecord, DesksRepository, desksTable } from './desks.repository';

@Injectable()
export class DesksService {
  constructor(private readonly repo: DesksRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<DeskRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateDeskDto): Promise<DeskRecord> {
    const row = { active: true, ...desksTable.pick(dto), name: dto.name.trim() };
    checkDates({ office: dto.office, opensOn: row.opensOn ?? null, closesOn: row.closesOn ?? null });
    await this.checkName(row.name, null);
    return this.get(await this.repo.insert(row));
  }

  async update(id: number, dto: UpdateDeskDto): Promise<DeskRecord> {
    const current = await this.get(id);
    const changes = desksTable.pick({ ...dto, ...(dto.name != null ? { name: dto.name.trim() } : {}) });
    if (!Object.keys(changes).length) return current;
    checkDates({ office: changes.office ?? current.office, opensOn: pickOr(changes, 'opensOn', current.opensOn), closesOn: pickOr(changes, 'closesOn', current.closesOn) });
    if (changes.name !== undefined) await this.checkName(changes.name, id);
    await this.repo.update(id, changes);
    return this.get(id);
  }

  async remove(id: number): Promise<DeskRecord> {
    const record = await this.get(id);
    if (!(await this.repo.deleteUnused(id))) {
      throw new DeskException(DeskError.InUse, `窓口「${record.name}」には予約枠または共用端末が登録されているため削除できません。使わなくなった窓口は「利用中」を外してください。`);
    }
    return record;
  }

  private async checkName(name: string, exceptId: number | null): Promise<void> {
    const holder = await this.repo.nameHolder(name, exceptId);
    if (holder !== null) throw new DeskException(DeskError.NameTaken, `窓口「${name}」は既に登録されています（ID: ${holder}）。`, { name: '同じ名称の窓口があります。' });
  }
}

function pickOr(changes: Record<string, unknown>, key: string, fallback: string | null): string | null {
  return key in changes ? ((changes[key] as string | null) ?? null) : fallback;
}

function checkDates(d: { office: string; opensOn: string | null; closesOn: string | null }): void {
  if (d.office === 'popup' && (!d.opensOn || !d.closesOn)) {
    const field = d.opensOn ? 'closesOn' : 'opensOn';
    throw new DeskException(DeskError.PopupDates, '出張窓口は開設日と終了日を入力してください。', { [field]: '出張窓口では必須です。' });
  }
  if (d.opensOn && d.closesOn && d.closesOn < d.opensOn) {
    throw new DeskException(DeskError.DatesOrder, '終了日は開設日以降にしてください。', { closesOn: '開設日以降にしてください。' });
  }
}
