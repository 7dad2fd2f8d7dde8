import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiFileResponse, XLSX } from '../common/openapi/openapi';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('monthly')
  @Permission('reports', 'show')
  @ApiOperation({ summary: '月次報告書（PDF / Excel）' })
  @ApiQuery({ name: 'month', required: true, example: '2020-09', description: '対象月（JST、YYYY-MM）' })
  @ApiQuery({ name: 'format', required: false, enum: ['pdf', 'xlsx'], description: '既定: pdf' })
  @ApiQuery({ name: 'campaignId', required: false, description: '既定: その月に受付・付与期間が重なるキャンペーン' })
  @ApiFileResponse('月次報告（予約・申し込みと予約上限、決済サービス別申し込み、ポイント付与、窓口支援、詐欺情報と注意喚起）', 'application/pdf', XLSX)
  async monthly(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    await this.reports.monthly(query, user, req.ip, res);
  }

  // The day sheet carries what the board shows: readable by every role that reads appointments.
  @Get('day-sheet')
  @Permission('appointments', 'list')
  @ApiOperation({ summary: '窓口の予約表（PDF、日本語）: 一日の枠と予約。管理職の予約表には氏名・電話番号を載せません' })
  @ApiQuery({ name: 'deskId', required: true, example: 1, description: '窓口の ID' })
  @ApiQuery({ name: 'date', required: false, example: '2022-09-20', description: 'YYYY-MM-DD（JST）。既定: 今日' })
  @ApiFileResponse('窓口の予約表（A4）', 'application/pdf')
  async daySheet(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    await this.reports.daySheet(query, user, req.ip, res);
  }
}
