import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { RESOURCE_LABELS, canExport, isResource, type Lang } from '@mynapoint/domain';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { findListSpec, type ListSpec } from '../common/list/list-spec';
import { parseListQuery } from '../common/list/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UTF8_BOM, csvRecord } from '../common/csv/csv-stream';
import { ExportOptions, exportFields, headerLabels } from './export-format';
import { ExportSelect, ExportsRepository } from './exports.repository';
import { TICKET_TTL_MS, issueTicket, ticketTarget } from '../common/auth/export-ticket';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportRequest {
  resource: string;
  query: Record<string, unknown>;
  user: AuthUser;
  ip?: string;
}

interface Plan extends ExportSelect {
  spec: ListSpec;
  format: ExportFormat;
  options: ExportOptions;
}

function stamp(): string {
  const d = new Date(Date.now() + 9 * 3600_000).toISOString();
  return `${d.slice(0, 10).replace(/-/g, '')}-${d.slice(11, 16).replace(':', '')}`;
}

// Every list resource as CSV or Excel, streamed: CSV straight from PostgreSQL's COPY
// (cells formatted in SQL), Excel from a cursor (the statements: exports.repository.ts).
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly repo: ExportsRepository,
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
    return { resource, spec, format, options: { lang, raw, format }, filter: q.filter, sort: q.sort };
  }

  /** A short-lived URL the browser can download without headers. */
  ticket(resource: string, query: Record<string, unknown>, user: AuthUser) {
    this.plan(resource, query, user); // refuse now what the download would refuse
    const path = `/api/exports/${resource}`;
    const target = ticketTarget(path, query);
    const expiresAt = Date.now() + TICKET_TTL_MS;
    const ticket = issueTicket(this.config.myKeyHmacSecret, { municipalityCode: user.municipalityCode, sessionId: user.sessionId, target, expiresAt });
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
    return this.repo.copyCsv(plan, res);
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
    const numberColumns = fields.map(([, f]) => f.kind === 'int' || f.kind === 'decimal');
    // As for CSV: a client that hangs up must end the query, not leave it running.
    let gone = false;
    const onClose = () => {
      if (!res.writableFinished) gone = true;
    };
    res.once('close', onClose);
    try {
      const rows = await this.repo.eachRow(plan, (row) => {
        if (gone) throw new Error('the client closed the download');
        sheet.addRow(row.map((v, i) => (numberColumns[i] && v !== null ? Number(v) : v))).commit();
      });
      sheet.commit();
      await workbook.commit();
      await piped;
      return rows;
    } catch (e) {
      out.destroy(e as Error);
      await piped.catch(() => undefined);
      throw e;
    } finally {
      res.off('close', onClose);
    }
  }
}
