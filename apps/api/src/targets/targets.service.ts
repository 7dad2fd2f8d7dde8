import { Injectable } from '@nestjs/common';
import { ListQuery } from '../common/list/list-query';
import { CreateTargetDto, UpdateTargetDto } from './dto/target.dto';
import { TargetError, TargetException } from './target.exception';
import { TargetRecord, TargetsRepository, targetsTable } from './targets.repository';

@Injectable()
export class TargetsService {
  constructor(private readonly repo: TargetsRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<TargetRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreateTargetDto): Promise<TargetRecord> {
    const row = { ...dto, name: dto.name.trim() };
    await this.checkName(row.name, null);
    const id = await this.repo.insert(targetsTable.pick(row));
    return this.get(id);
  }

  async update(id: number, dto: UpdateTargetDto): Promise<TargetRecord> {
    const current = await this.get(id);
    const changes = targetsTable.pick({ ...dto, ...(dto.name !== undefined ? { name: dto.name.trim() } : {}) });
    if (!Object.keys(changes).length) return current;
    if (changes.name !== undefined) await this.checkName(changes.name, id);
    await this.repo.update(id, changes);
    return this.get(id);
  }

  async remove(id: number): Promise<TargetRecord> {
    const record = await this.get(id);
    await this.repo.delete(id);
    return record;
  }

  private async checkName(name: string, exceptId: number | null): Promise<void> {
    const holder = await this.repo.nameHolder(name, exceptId);
    if (holder !== null) {
      throw new TargetException(TargetError.NameTaken, `目標「${name}」は既に登録されています（ID: ${holder}）。別の名称にしてください。`, { name: '同じ名称の目標があります。' });
    }
  }
}
