import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { RESOURCE_LABELS, canExport, isResource, type Lang } from '@mynapoint/domain';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { Db } from '../common/db/db.service';
import { SqlParams } from '../common/db/sql-params';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { findListSpec, type ListSpec } from '../common/list/list-spec';
import { parseListQuery } from '../common/list/list-query';
import { orderBy, whereClause } from '../common/list/list-sql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CrlfRecords, UTF8_BOM, csvRecord } from './csv-stream';
import { ExportOptions, cellSql, exportFields, headerLabels, inlineParams } from './export-format';
import { TICKET_TTL_MS, issueTicket, ticketTarget } from '../common/auth/export-ticket';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  resource: string;
  query: Record<string, unknown>;
  user: AuthUser;
  ip?: string;
}

interface Plan {
  spec: ListSpec;
  format: ExportFormat;
  options: ExportOptions;
  sql: string;
  filter: Record<string, unknown>;
  sort: unknown;
}

function stamp(): string {
  const d = new Date(Date.now() + 9 * 3600_000).toISOString();
  return `${d.slice(0, 10).replace(/-/g, '')}-${d.slice(11, 16).replace(':', '')}`;
}

// Every list resource as CSV or Excel, streamed: CSV straight from PostgreSQL's COPY
// (cells formatted in SQL), Excel from a cursor. Memory stays flat for any size.
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  plan(resource: string, query: Record<string, unknown>, user: AuthUser): Plan {
    const spec = findListSpec(resource);
    if (!spec || !isResource(resource)) throw new CommonException(CommonError.NotFound, `「${resource}」はエクスポートできる一覧ではありません。`);
    if (!canExport(user.role, resource)) throw new CommonException(CommonError.Forbidden, 'この一覧をエクスポートする権限がありません。');
    const format = (query.format ?? 'csv') as string;
    if (format !== 'csv' && format !== 'xlsx') throw new CommonException(CommonError.BadQuery, 'format は csv か xlsx を指定してください。');
    const lang = (query.lang ?? 'ja') as string;
    if (lang !== 'ja' && lang !== 'en') throw new CommonException(CommonError.BadQuery, 'lang は ja か en を指定してください。');
    const raw = query.raw === 'true' || query.raw === '1';
    const q = parseListQuery(spec, query, { paged: false });
    const p = new SqlParams();
    const where = whereClause(spec, q.filter, p);
    const options: ExportOptions = { lang, raw, format };
    const cells = exportFields(spec).map(([, f]) => cellSql(f, options));
    const sql = inlineParams(`SELECT ${cells.join(', ')} FROM ${spec.from} ${where} ${orderBy(spec, q.sort)}`, p.values);
    return { spec, format, options, sql, filter: q.filter, sort: q.sort };
  }

  /** A short-lived URL the browser can download without headers. */
  ticket(resource: string, query: Record<string, unknown>, user: AuthUser) {
    this.plan(resource, query, user); // refuse now what the download would refuse
    const path = `/api/exports/${resource}`;
    const target = ticketTarget(path, query);
    const expiresAt = Date.now() + TICKET_TTL_MS;
    const ticket = issueTicket(this.config.myKeyHmacSecret, { sessionId: user.sessionId, target, expiresAt });
    const sep = target.includes('?') ? '&' : '?';
    return { url: `${target}${sep}ticket=${encodeURIComponent(ticket)}`, expiresAt: new Date(expiresAt).toISOString() };
  }

  async stream(req: ExportRequest, res: Response): Promise<void> {
    const plan = this.plan(req.resource, req.query, req.user);
    const labels = RESOURCE_LABELS[plan.spec.resource];
    const name = `${labels?.many[plan.options.lang] ?? plan.spec.resource}_${stamp()}.${plan.format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${plan.spec.resource}.${plan.format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.setHeader('Cache-Control', 'no-store');
    const t0 = Date.now();
    // The body is written without ending the response: the audit row (it needs the
    // row count) is committed first, so once a client has the whole file the export
    // is on record. Logged also when the download breaks off: what was sent has been taken.
    let rows: number | null = null;
    try {
      rows = plan.format === 'csv' ? await this.csv(plan, res) : await this.xlsx(plan, res);
    } finally {
      await this.audit.recordSeparately({
        user: req.user,
        action: 'export',
        resource: plan.spec.resource,
        ip: req.ip,
        changes: { format: plan.format, lang: plan.options.lang, raw: plan.options.raw, filter: plan.filter, sort: plan.sort, rows, completed: rows !== null },
      });
    }
    res.end();
    this.logger.log({ resource: plan.spec.resource, format: plan.format, rows, ms: Date.now() - t0 });
  }

  private async csv(plan: Plan, res: Response): Promise<number> {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.write(UTF8_BOM + csvRecord(headerLabels(plan.spec, plan.options.lang)));
    const client = await this.db.rawClient();
    const records = new CrlfRecords();
    let released = false;
    const release = (err?: Error) => {
      if (!released) client.release(err);
      released = true;
    };
    // A client that hangs up mid-download leaves PostgreSQL blocked writing the COPY
    // and the pipeline never settling (a pooled connection lost, no audit row): drop
    // the connection, which ends the COPY and fails the pipeline.
    const onClose = () => {
      if (!res.writableFinished) release(new Error('the client closed the download'));
    };
    res.once('close', onClose);
    let failed: unknown;
    try {
      const source = client.query(copyTo(`COPY (${plan.sql}) TO STDOUT WITH (FORMAT csv)`));
      await pipeline(source, records, res, { end: false });
      return records.records;
    } catch (e) {
      failed = e;
      throw e;
    } finally {
      res.off('close', onClose);
      // A connection cut mid-COPY is not reusable: drop it from the pool.
      release(failed instanceof Error ? failed : undefined);
    }
  }

  private async xlsx(plan: Plan, res: Response): Promise<number> {
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const lang: Lang = plan.options.lang;
    // The workbook ends its own stream on commit; a pass-through keeps `res` open for the audit row.
    const out = new PassThrough();
    const piped = pipeline(out, res, { end: false });
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet((RESOURCE_LABELS[plan.spec.resource]?.many[lang] ?? plan.spec.resource).slice(0, 31));
    const fields = exportFields(plan.spec);
    sheet.columns = headerLabels(plan.spec, lang).map((header, i) => ({ header, key: `c${i}`, width: Math.min(40, Math.max(10, header.length * 2 + 4)) }));
    sheet.getRow(1).font = { bold: true };
    const intColumns = fields.map(([, f]) => f.kind === 'int');
    const client = await this.db.rawClient();
    let rows = 0;
    let failed: unknown;
    // As for CSV: a client that hangs up must end the query, not leave it running.
    let gone = false;
    const onClose = () => {
      if (!res.writableFinished) gone = true;
    };
    res.once('close', onClose);
    try {
      const stream = client.query(new QueryStream(plan.sql, [], { batchSize: 2000, rowMode: 'array' } as never));
      for await (const row of stream as AsyncIterable<(string | null)[]>) {
        if (gone) throw new Error('the client closed the download');
        sheet.addRow(row.map((v, i) => (intColumns[i] && v !== null ? Number(v) : v))).commit();
        rows++;
      }
      sheet.commit();
      await workbook.commit();
      await piped;
      return rows;
    } catch (e) {
      failed = e;
      out.destroy(e as Error);
      await piped.catch(() => undefined);
      throw e;
    } finally {
      res.off('close', onClose);
      client.release(failed instanceof Error ? failed : undefined);
    }
  }
}
