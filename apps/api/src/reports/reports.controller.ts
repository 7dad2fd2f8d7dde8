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
}
