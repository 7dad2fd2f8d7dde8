import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { addDays, formatJapaneseEraMonth } from '@mynapoint/domain';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/permission.decorator';
import { CommonError, CommonException } from '../common/errors/domain.exception';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import type { MonthlyReport } from './monthly-report';
import { renderMonthlyReportPdf } from './monthly-report.pdf';
import { renderMonthlyReportXlsx } from './monthly-report.xlsx';
import { CardUptakeStatsService } from '../stats/card-uptake-stats.service';
import { MeasureStatsService } from '../stats/measure-stats.service';
import { ReportsRepository } from './reports.repository';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly cardUptake: CardUptakeStatsService,
    private readonly measureStats: MeasureStatsService,
    private readonly audit: AuditService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async monthly(query: { month?: unknown; format?: unknown; campaignId?: unknown }, user: AuthUser, ip: string | undefined, res: Response): Promise<void> {
    const month = typeof query.month === 'string' ? query.month : '';
    if (!MONTH.test(month)) throw new CommonException(CommonError.BadQuery, 'month は YYYY-MM の形式で指定してください（例: 2020-09）。', { month: 'YYYY-MM' });
    const format = query.format ?? 'pdf';
    if (format !== 'pdf' && format !== 'xlsx') throw new CommonException(CommonError.BadQuery, 'format は pdf か xlsx を指定してください。', { format: 'pdf | xlsx' });
    let campaignId: number | undefined;
    if (query.campaignId !== undefined) {
      campaignId = Number(query.campaignId);
      if (!Number.isSafeInteger(campaignId) || campaignId < 1) throw new CommonException(CommonError.BadQuery, 'campaignId は正の整数で指定してください。');
    }

    const [figures, municipality, cardUptake, measures] = await Promise.all([
      this.repo.monthly(month, campaignId),
      this.municipalities.current(),
      this.cardUptake.cardUptake(lastDayOf(month)),
      this.measureStats.measures(),
    ]);
    const report: MonthlyReport = { ...figures, cardUptake, measures: measures.measures, cityName: municipality?.name ?? '', generatedAt: new Date().toISOString() };
    const name = `マイナポイント月次報告_${formatJapaneseEraMonth(`${month}-01`)}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="mynapoint-monthly-${month}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.setHeader('Cache-Control', 'no-store');
    // Reports are small (tens of kB): rendered in memory so the length is known and the
    // browser can show download progress.
    const body = format === 'pdf' ? await pdfBuffer(renderMonthlyReportPdf(report)) : Buffer.from(await renderMonthlyReportXlsx(report).xlsx.writeBuffer());
    res.setHeader('Content-Type', format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Length', body.length);
    await this.audit.recordSeparately({ user, action: 'export', resource: 'reports', resourceId: month, ip, changes: { report: 'monthly', month, format, campaignId: report.campaign?.id ?? null } });
    res.end(body);
  }
}

/** YYYY-MM → its last day, YYYY-MM-DD. */
function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
