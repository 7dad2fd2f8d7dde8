import { Injectable } from '@nestjs/common';
import { READING_FORMAT_MESSAGE, defaultReading, isValidReading, normalizeReading } from '@mynapoint/domain';
import { Db } from '../common/db/db.service';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { CreatePaymentServiceDto, UpdatePaymentServiceDto } from './dto/payment-service.dto';
import { PaymentServiceEntity } from './payment-service.entity';
import { PaymentServiceError, PaymentServiceException } from './payment-service.exception';
import { PaymentServiceRecord, paymentServicesListSpec } from './payment-services.list-spec';

const WRITABLE = [
  'name',
  'operator',
  'kind',
  'preRegistrationRequired',
  'applicationsOpenOn',
  'status',
  'awardTiming',
  'pointExpiry',
  'url',
  'notes',
] as const satisfies readonly (keyof CreatePaymentServiceDto)[];

@Injectable()
export class PaymentServicesService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<PaymentServiceRecord>(paymentServicesListSpec, q);
  }

  async get(id: number): Promise<PaymentServiceRecord> {
    const record = await this.lists.get<PaymentServiceRecord>(paymentServicesListSpec, id);
    if (!record) throw new PaymentServiceException(PaymentServiceError.NotFound, `決済サービス（ID: ${id}）は見つかりません。`);
    return record;
  }

  async create(dto: CreatePaymentServiceDto): Promise<PaymentServiceRecord> {
    await this.assertNameFree(dto.name);
    const row = { ...pick(dto), nameKana: readingFor(dto.nameKana, dto.name) };
    const { identifiers } = await this.db.repo(PaymentServiceEntity).insert(row);
    return this.get(identifiers[0].id);
  }

  async update(id: number, dto: UpdatePaymentServiceDto): Promise<PaymentServiceRecord> {
    const stored = await this.get(id);
    if (dto.name !== undefined) await this.assertNameFree(dto.name, id);
    const changes = pick(dto);
    const current = { name: String(stored.name), nameKana: String(stored.nameKana) };
    const nameKana = readingFor(dto.nameKana, dto.name ?? current.name, current);
    if (nameKana !== current.nameKana) changes.nameKana = nameKana;
    if (Object.keys(changes).length) {
      await this.db.repo(PaymentServiceEntity).update(id, { ...changes, updatedAt: () => 'now()' });
    }
    return this.get(id);
  }

  async remove(id: number): Promise<PaymentServiceRecord> {
    const record = await this.get(id);
    await this.db.repo(PaymentServiceEntity).delete(id);
    return record;
  }

  private async assertNameFree(name: string, exceptId = 0): Promise<void> {
    const taken = await this.db.one('SELECT 1 FROM payment_services WHERE lower(name) = lower($1) AND id <> $2', [name, exceptId]);
    if (taken) throw new PaymentServiceException(PaymentServiceError.DuplicateName, `「${name}」は既に登録されています。`);
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

// Only the writable fields, and only those present: read-only fields a PUT carries are ignored.
function pick(dto: Partial<CreatePaymentServiceDto>): Partial<PaymentServiceEntity> {
  const out: Record<string, unknown> = {};
  for (const key of WRITABLE) if (dto[key] !== undefined) out[key] = dto[key];
  return out as Partial<PaymentServiceEntity>;
}
