import { Inject, Injectable } from '@nestjs/common';
import { IMPORT_COLUMNS, MY_NUMBER_REFUSED_MESSAGE, can, containsMyNumber, matchHeader } from '@mynapoint/domain';
import { open, unlink } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { ListQuery } from '../common/list/list-query';
import { ListReader } from '../common/list/list-reader';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CsvReader } from './csv/csv-parser';
import { createDecoder, sniffEncoding } from './csv/encoding';
import { CreateImportDto } from './dto/create-import.dto';
import { ImportError, ImportException } from './import.exception';
import { ImportFailure } from './import-failure';
import { ImportQueue } from './import-queue';
import { ImportRecord, importsListSpec } from './imports.list-spec';

/** What multer stored (disk storage: the file is never held in memory). */
export interface UploadedCsv {
  path: string;
  originalname: string;
  size: number;
}

/** The errors shown with a job; the full list is the CSV report. */
export const ERRORS_SHOWN = 1000;
const HEAD_BYTES = 64 * 1024;
const CRLF = Buffer.from('\r\n');

@Injectable()
export class ImportsService {
  constructor(
    private readonly db: Db,
    private readonly lists: ListReader,
    private readonly queue: ImportQueue,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(q: ListQuery) {
    return this.lists.list<ImportRecord>(importsListSpec, q);
  }

  async get(id: number): Promise<ImportRecord & { errors: Array<{ line: number; message: string }> }> {
    const record = await this.lists.get<ImportRecord>(importsListSpec, id);
    if (!record) throw new ImportException(ImportError.NotFound, `取り込み（ID: ${id}）は見つかりません。`);
    const errors = await this.db.query<{ line: number; message: string }>(
      'SELECT line, message FROM import_errors WHERE import_id = $1 ORDER BY line LIMIT $2',
      [id, ERRORS_SHOWN],
    );
    return { ...record, errors };
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
    if (dto.paymentServiceId && !(await this.db.one('SELECT 1 FROM payment_services WHERE id = $1', [dto.paymentServiceId]))) {
      throw new ImportException(ImportError.PaymentServiceUnknown, `決済サービス（ID: ${dto.paymentServiceId}）は登録されていません。`, {
        paymentServiceId: '登録されていない決済サービスです。',
      });
    }
    if (dto.campaignId && !(await this.db.one('SELECT 1 FROM campaigns WHERE id = $1', [dto.campaignId]))) {
      throw new ImportException(ImportError.CampaignUnknown, `キャンペーン（ID: ${dto.campaignId}）は登録されていません。`, {
        campaignId: '登録されていないキャンペーンです。',
      });
    }
    await this.checkHeader(dto, file);

    const [row] = await this.db.query<{ id: number }>(
      `INSERT INTO imports (type, payment_service_id, campaign_id, filename, size_bytes, created_by, worker, upload_path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        dto.type,
        dto.type === 'point-awards' ? dto.paymentServiceId : null,
        dto.campaignId ?? null,
        file.originalname.slice(0, 255),
        file.size,
        user.id,
        this.queue.worker,
        file.path,
      ],
    );
    await this.audit.record({
      user,
      action: 'import',
      resource: 'imports',
      resourceId: row.id,
      ip,
      changes: { filename: file.originalname, type: dto.type, paymentServiceId: dto.paymentServiceId ?? null, campaignId: dto.campaignId ?? null, sizeBytes: file.size, status: 'queued' },
    });
    this.queue.enqueue(row.id);
    return { id: row.id, status: 'queued' as const };
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
    await this.get(id);
    // A download like any export: logged before the first byte leaves.
    await this.audit.recordSeparately({ user, action: 'export', resource: 'imports', resourceId: id, ip, changes: { report: 'errors' } });
    const pool = (this.db.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    let released = false;
    const release = (destroy: boolean) => {
      if (!released) client.release(destroy);
      released = true;
    };
    // The id is a checked integer: COPY takes no parameters.
    const source = client.query(
      copyTo(`COPY (SELECT line, message FROM import_errors WHERE import_id = ${Number(id)} ORDER BY line) TO STDOUT WITH (FORMAT csv)`),
    );
    const header = Buffer.from('\ufeff行,エラー内容\r\n');
    let first = true;
    // LF → CRLF on bytes: 0x0A never occurs inside a UTF-8 multi-byte character.
    const crlf = new Transform({
      transform(chunk: Buffer, _enc, done) {
        const parts: Buffer[] = first ? [header] : [];
        first = false;
        let from = 0;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
          parts.push(chunk.subarray(from, i), CRLF);
          from = i + 1;
        }
        parts.push(chunk.subarray(from));
        done(null, Buffer.concat(parts));
      },
      flush(done) {
        done(null, first ? header : Buffer.alloc(0));
      },
    });
    source.on('error', (e) => {
      release(true);
      crlf.destroy(e);
    });
    source.on('end', () => release(false));
    crlf.on('close', () => release(true));
    return { stream: source.pipe(crlf), filename: `import-${id}-errors.csv` };
  }
}
