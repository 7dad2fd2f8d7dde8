import { Injectable } from '@nestjs/common';
import { READING_FORMAT_MESSAGE, defaultReading, isValidReading, normalizeReading } from '@mynapoint/domain';
import { isNationalLockedForCaller } from '../common/db/reference-data';
import { ListQuery } from '../common/list/list-query';
import { CreatePaymentServiceDto, UpdatePaymentServiceDto } from './dto/payment-service.dto';
import { PaymentServiceError, PaymentServiceException } from './payment-service.exception';
import { PaymentServiceRecord, PaymentServiceRow, PaymentServicesRepository, paymentServicesTable as table } from './payment-services.repository';

// What the body writes as it is; the reading is worked out by readingFor.
const FROM_BODY = table.writable.filter((f) => f !== 'nameKana');

@Injectable()
export class PaymentServicesService {
  constructor(private readonly repo: PaymentServicesRepository) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  get(id: number): Promise<PaymentServiceRecord> {
    return this.repo.getOrFail(id);
  }

  async create(dto: CreatePaymentServiceDto): Promise<PaymentServiceRecord> {
    await this.assertNameFree(dto.name);
    const id = await this.repo.insert({ ...table.pick(dto, FROM_BODY), nameKana: readingFor(dto.nameKana, dto.name) });
    return this.get(id);
  }

  async update(id: number, dto: UpdatePaymentServiceDto): Promise<PaymentServiceRecord> {
    const stored = await this.writable(id);
    if (dto.name !== undefined) await this.assertNameFree(dto.name, id);
    const changes: PaymentServiceRow = table.pick(dto, FROM_BODY);
    const current = { name: String(stored.name), nameKana: String(stored.nameKana) };
    const nameKana = readingFor(dto.nameKana, dto.name ?? current.name, current);
    if (nameKana !== current.nameKana) changes.nameKana = nameKana;
    if (Object.keys(changes).length) await this.repo.update(id, changes);
    return this.get(id);
  }

  async remove(id: number): Promise<PaymentServiceRecord> {
    const record = await this.writable(id);
    await this.repo.delete(id);
    return record;
  }

  /** The record, when the caller may change it: a national one only the operator may. */
  private async writable(id: number): Promise<PaymentServiceRecord> {
    const record = await this.get(id);
    if (isNationalLockedForCaller(record)) {
      throw new PaymentServiceException(PaymentServiceError.National, '国が登録した決済サービスは変更できません（運用事業者が管理しています）。');
    }
    return record;
  }

  private async assertNameFree(name: string, exceptId = 0): Promise<void> {
    if (await this.repo.nameTaken(name, exceptId)) throw new PaymentServiceException(PaymentServiceError.DuplicateName, `「${name}」は既に登録されています。`);
  }
}

/**
 * The reading to store. None given (or blank): the name's default reading. On update, a
 * reading sent back unchanged is kept as it is (react-admin sends the whole record, and a
 * default may not be kana), except that a default reading follows a renamed service.
 */
function readingFor(given: string | null | undefined, name: string, stored?: { name: string; nameKana: string }): string {
  const typed = given?.trim() ? given : undefined;
  if (stored && (given === undefined || (typed !== undefined && normalizeReading(typed) === stored.nameKana))) {
    return stored.nameKana === defaultReading(stored.name) ? defaultReading(name) : stored.nameKana;
  }
  if (typed === undefined) return defaultReading(name);
  if (!isValidReading(typed)) {
    throw new PaymentServiceException(PaymentServiceError.ReadingInvalid, READING_FORMAT_MESSAGE, { nameKana: READING_FORMAT_MESSAGE });
  }
  return normalizeReading(typed);
}
