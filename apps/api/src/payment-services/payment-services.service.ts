import { Injectable } from '@nestjs/common';
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
    const { identifiers } = await this.db.repo(PaymentServiceEntity).insert(pick(dto));
    return this.get(identifiers[0].id);
  }

  async update(id: number, dto: UpdatePaymentServiceDto): Promise<PaymentServiceRecord> {
    await this.get(id);
    if (dto.name !== undefined) await this.assertNameFree(dto.name, id);
    const changes = pick(dto);
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

// Only the writable fields, and only those present: read-only fields a PUT carries are ignored.
function pick(dto: Partial<CreatePaymentServiceDto>): Partial<PaymentServiceEntity> {
  const out: Record<string, unknown> = {};
  for (const key of WRITABLE) if (dto[key] !== undefined) out[key] = dto[key];
  return out as Partial<PaymentServiceEntity>;
}
