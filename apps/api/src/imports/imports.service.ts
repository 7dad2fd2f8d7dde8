import { Inject, Injectable } from '@nestjs/common';
import { IMPORT_COLUMNS, MY_NUMBER_REFUSED_MESSAGE, can, containsMyNumber, matchHeader } from '@mynapoint/domain';
import { open, unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CsvReader } from './csv/csv-parser';
import { createDecoder, sniffEncoding } from './csv/encoding';
import { CreateImportDto } from './dto/create-import.dto';
import { ImportError, ImportException } from './import.exception';
import { ImportFailure } from './import-failure';
import { ImportQueue } from './import-queue';
import { ImportRecord, ImportsRepository, LineError } from './imports.repository';

/** What multer stored (disk storage: the file is never held in memory). */
export interface UploadedCsv {
  path: string;
  originalname: string;
  size: number;
}

/** The errors shown with a job; the full list is the CSV report. */
export const ERRORS_SHOWN = 1000;
const HEAD_BYTES = 64 * 1024;

@Injectable()
export class ImportsService {
  constructor(
    private readonly repo: ImportsRepository,
    private readonly queue: ImportQueue,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(q: ListQuery) {
    return this.repo.list(q);
  }

  async get(id: number): Promise<ImportRecord & { errors: LineError[] }> {
    const record = await this.repo.getOrFail(id);
    return { ...record, errors: await this.repo.errors(id, ERRORS_SHOWN) };
  }

  /** Checks the upload, records the job and queues it; the rows are read in the background. */
  async create(dto: CreateImportDto, file: UploadedCsv | undefined, user: AuthUser, ip?: string): Promise<{ id: number; status: 'queued' }> {
    if (!file) {
      throw new ImportException(ImportError.FileMissing, 'CSVファイルを選んでください。', { file: 'CSVファイルを選んでください。' });
    }
    try {
      return await this.accept(dto, file, user, ip);
    } catch (e) {
      await unlink(file.path).catch(() => undefined);
      throw e;
    }
  }

  private async accept(dto: CreateImportDto, file: UploadedCsv, user: AuthUser, ip?: string) {
    // Importing reservations creates reservations: the role needs that right too.
    if (!can(user.role, dto.type, 'create')) {
      throw new ImportException(ImportError.TypeForbidden, 'この種類のデータを取り込む権限がありません。');
    }
    if (containsMyNumber(file.originalname)) {
      throw new CommonException(CommonError.MyNumberRefused, MY_NUMBER_REFUSED_MESSAGE.ja, { file: MY_NUMBER_REFUSED_MESSAGE.ja });
    }
    if (dto.type === 'point-awards') {
      if (!dto.paymentServiceId) {
        throw new ImportException(ImportError.PaymentServiceRequired, '事業者の報告を取り込む決済サービスを選んでください。', {
          paymentServiceId: '必須項目です。',
        });
      }
    }
    if (dto.paymentServiceId && !(await this.repo.paymentServiceExists(dto.paymentServiceId))) {
      throw new ImportException(ImportError.PaymentServiceUnknown, `決済サービス（ID: ${dto.paymentServiceId}）は登録されていません。`, {
        paymentServiceId: '登録されていない決済サービスです。',
      });
    }
    if (dto.campaignId && !(await this.repo.campaignExists(dto.campaignId))) {
      throw new ImportException(ImportError.CampaignUnknown, `キャンペーン（ID: ${dto.campaignId}）は登録されていません。`, {
        campaignId: '登録されていないキャンペーンです。',
      });
    }
    await this.checkHeader(dto, file);

    const id = await this.repo.insert({
      type: dto.type,
      paymentServiceId: dto.type === 'point-awards' ? dto.paymentServiceId : null,
      campaignId: dto.campaignId ?? null,
      filename: file.originalname.slice(0, 255),
      sizeBytes: file.size,
      createdBy: user.id,
      worker: this.queue.worker,
      uploadPath: file.path,
    });
    await this.audit.record({
      user,
      action: 'import',
      resource: 'imports',
      resourceId: id,
      ip,
      changes: { filename: file.originalname, type: dto.type, paymentServiceId: dto.paymentServiceId ?? null, campaignId: dto.campaignId ?? null, sizeBytes: file.size, status: 'queued' },
    });
    this.queue.enqueue(id);
    return { id, status: 'queued' as const };
  }

  /** The header row, read now so a wrong file is refused at once rather than failing in the background. */
  private async checkHeader(dto: CreateImportDto, file: UploadedCsv): Promise<void> {
    const handle = await open(file.path, 'r');
    let head: Buffer;
    try {
      const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(HEAD_BYTES), position: 0 });
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
    const records: string[][] = [];
    const reader = new CsvReader((fields) => {
      if (records.length < 2) records.push(fields);
    });
    const decoder = createDecoder(sniffEncoding(head));
    reader.push(decoder.write(head));
    if (head.length === file.size) {
      reader.push(decoder.end());
      reader.end();
    }
    const bad = (message: string) => new ImportException(ImportError.BadFile, message, { file: message });
    if (!records.length) {
      if (head.length === file.size) throw bad(ImportFailure.noHeader(IMPORT_COLUMNS[dto.type]).message);
      throw bad('1行目（列名の行）が長すぎます。CSVファイルか確認してください。');
    }
    const { missing } = matchHeader(dto.type, records[0]);
    if (missing.length) throw bad(ImportFailure.missingColumns(missing).message);
    if (records.length < 2 && head.length === file.size) throw bad('データの行がありません。2行目以降にデータを入れてください。');
  }

  /** The full error report as CSV (UTF-8 with BOM, CRLF), streamed from the database. */
  async errorsCsv(id: number, user: AuthUser, ip?: string): Promise<{ stream: Readable; filename: string }> {
    await this.repo.getOrFail(id);
    // A download like any export: logged before the first byte leaves.
    await this.audit.recordSeparately({ user, action: 'export', resource: 'imports', resourceId: id, ip, changes: { report: 'errors' } });
    return { stream: await this.repo.errorsCsv(id), filename: `import-${id}-errors.csv` };
  }
}
