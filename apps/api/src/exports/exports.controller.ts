import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowTicket, AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { OwnTransaction } from '../common/http/write.interceptor';
import { ApiFileResponse, XLSX } from '../common/openapi/openapi';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':resource')
  @Permission('exports', 'export')
  @ApiOperation({ summary: '一覧の CSV / Excel ダウンロード（一覧と同じ絞り込み・並べ替え）' })
  @AllowTicket()
  @ApiParam({ name: 'resource', example: 'payment-services', description: '一覧リソース名' })
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiQuery({ name: 'filter', required: false, description: '一覧と同じ絞り込み（JSON）' })
  @ApiQuery({ name: 'sort', required: false, description: '一覧と同じ並べ替え（JSON）' })
  @ApiQuery({ name: 'lang', required: false, enum: ['ja', 'en'], description: '見出しと値の言語（既定: ja）' })
  @ApiQuery({ name: 'raw', required: false, description: 'true: コード値と ISO 日付（機械処理用）' })
  @ApiQuery({ name: 'ticket', required: false, description: 'POST …/ticket で得た一時チケット（Authorization ヘッダーの代わり）' })
  @ApiFileResponse('CSV（UTF-8 BOM 付き、CRLF）または Excel。全件をストリーム送信します。', 'text/csv', XLSX)
  async export(@Param('resource') resource: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    await this.exports.stream({ resource, query, user, ip: req.ip }, res);
  }

  @Post(':resource/ticket')
  @Permission('exports', 'export')
  @ApiOperation({ summary: 'ダウンロード用の一時チケット（60 秒有効）を発行' })
  @OwnTransaction()
  @ApiOkResponse({ description: '{ url, expiresAt }: 60 秒有効のダウンロード URL' })
  ticket(@Param('resource') resource: string, @Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.exports.ticket(resource, query, user);
  }
}
