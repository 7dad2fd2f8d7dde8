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
import { DeskStatsService } from '../stats/desk-stats.service';
import { ReportsRepository } from './reports.repository';
import { AppointmentsService } from '../appointments/appointments.service';
import { renderDaySheetPdf } from './day-sheet.pdf';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

@Injectable()
export class ReportsService {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly cardUptake: CardUptakeStatsService,
    private readonly audit: AuditService,
    private readonly municipalities: MunicipalitiesService,
    private readonly deskStats: DeskStatsService,
    private readonly appointments: AppointmentsService,
  ) {}

  /** A desk's day as a printable A4 PDF (counter staff take it to a pop-up desk without a PC). */
  async daySheet(query: { deskId?: unknown; date?: unknown }, user: AuthUser, ip: string | undefined, res: Response): Promise<void> {
    const deskId = Number(query.deskId);
    if (!Number.isSafeInteger(deskId) || deskId < 1) throw new CommonException(CommonError.BadQuery, 'deskId は窓口の ID（正の整数）で指定してください。', { deskId: '正の整数' });
    const [day, municipality] = await Promise.all([this.appointments.deskDay(deskId, query.date, user), this.municipalities.current()]);
    const body = await pdfBuffer(renderDaySheetPdf(day, municipality?.name ?? '', new Date()));
    const name = `予約表_${day.deskName}_${day.date}.pdf`;
    res.setHeader('Content-Disposition', `attachment; filename="day-sheet-${deskId}-${day.date}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', body.length);
    // A paper with residents' names leaves the building: logged like every file taken away.
    await this.audit.recordSeparately({
      user,
      action: 'export',
      resource: 'reports',
      resourceId: `day-sheet-${deskId}-${day.date}`,
      ip,
      changes: { report: 'day-sheet', deskId, date: day.date, names: day.contactVisible },
    });
    res.end(body);
  }

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

    const [figures, municipality, cardUptake, desks] = await Promise.all([
      this.repo.monthly(month, campaignId),
      this.municipalities.current(),
      this.cardUptake.cardUptake(lastDayOf(month)),
      this.deskStats.desks(`${month}-01`, lastDayOf(month)),
    ]);
    const report: MonthlyReport = { ...figures, cardUptake, desks, cityName: municipality?.name ?? '', generatedAt: new Date().toISOString() };
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
