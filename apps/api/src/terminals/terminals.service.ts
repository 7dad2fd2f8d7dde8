import { Injectable } from '@nestjs/common';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { CreateTerminalDto, TerminalLogDto, UpdateTerminalDto } from './dto/terminal.dto';
import { TerminalError, TerminalException } from './terminal.exception';
import { TerminalRecord, TerminalsRepository, terminalsTable as table } from './terminals.repository';

const LOG_DEFAULT = 3;
const LOG_MAX = 50;

@Injectable()
export class TerminalsService {
  constructor(private readonly repo: TerminalsRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<TerminalRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateTerminalDto): Promise<TerminalRecord> {
    const row = { active: true, ...table.pick(dto), name: dto.name.trim() };
    await this.checkDesk(dto.deskId);
    await this.checkName(dto.deskId, row.name, null);
    return this.get(await this.repo.insert(row));
  }

  async update(id: number, dto: UpdateTerminalDto): Promise<TerminalRecord> {
    const current = await this.get(id);
    const changes = table.pick({ ...dto, ...(dto.name != null ? { name: dto.name.trim() } : {}) });
    if (!Object.keys(changes).length) return current;
    if (changes.deskId !== undefined) await this.checkDesk(changes.deskId);
    if (changes.name !== undefined || changes.deskId !== undefined) await this.checkName((changes.deskId ?? current.deskId) as number, (changes.name ?? current.name) as string, id);
    await this.repo.update(id, changes);
    return this.get(id);
  }

  async remove(id: number): Promise<TerminalRecord> {
    const record = await this.get(id);
    if (!(await this.repo.deleteUnused(id))) {
      throw new TerminalException(TerminalError.InUse, `端末「${record.name}」で記録された来庁があるため削除できません（端末の記録は別人付与の調査に使います）。使わなくなった端末は「利用中」を外してください。`);
    }
    return record;
  }

  /**
   * The terminal's log: with `around` (an assistance record made on it), the `count`
   * visits before and after it on the same terminal, which is where a resident left
   * signed in is found; without, its latest visits.
   */
  async log(id: number, query: { around?: unknown; count?: unknown }): Promise<TerminalLogDto> {
    const terminal = await this.get(id);
    const count = query.count === undefined ? LOG_DEFAULT : Number(query.count);
    if (!Number.isInteger(count) || count < 1 || count > LOG_MAX) throw new CommonException(CommonError.BadQuery, `count は 1〜${LOG_MAX} の整数で指定してください。`, { count: `1〜${LOG_MAX}` });
    let around: number | null = null;
    if (query.around !== undefined) {
      around = Number(query.around);
      if (!Number.isSafeInteger(around) || around < 1) throw new CommonException(CommonError.BadQuery, 'around は窓口支援記録の ID（正の整数）で指定してください。', { around: '正の整数' });
      if (!(await this.repo.visitOnTerminal(id, around))) {
        throw new TerminalException(TerminalError.VisitNotOnTerminal, `窓口支援記録（ID: ${around}）はこの端末（${terminal.name}）で記録された来庁ではありません。`, { around: 'この端末の来庁ではありません。' });
      }
    }
    const rows = around === null ? await this.repo.latest(id, LOG_MAX) : await this.repo.around(id, around, count);
    const at = around === null ? rows.length : rows.findIndex((r) => r.id === around);
    return {
      terminalId: id,
      terminalName: terminal.name,
      deskName: terminal.deskName,
      around,
      visits: rows.map((r, i) => ({ ...r, visitedAt: r.visitedAt.toISOString(), position: i - at })),
    };
  }

  private async checkDesk(deskId: number): Promise<void> {
    if (!(await this.repo.deskExists(deskId))) throw new TerminalException(TerminalError.DeskNotFound, `窓口（ID: ${deskId}）は見つかりません。`, { deskId: '存在しない窓口です。' });
  }

  private async checkName(deskId: number, name: string, exceptId: number | null): Promise<void> {
    const holder = await this.repo.nameHolder(deskId, name, exceptId);
    if (holder !== null) throw new TerminalException(TerminalError.NameTaken, `この窓口には端末「${name}」が既にあります（ID: ${holder}）。`, { name: '同じ名前の端末があります。' });
  }
}
