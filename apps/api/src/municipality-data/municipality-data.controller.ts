import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowTicket, AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { OwnTransaction } from '../common/http/write.interceptor';
import { IdParam } from '../common/list/list-query.decorator';
import { ApiFileResponse } from '../common/openapi/openapi';
import { ExportTicketResponseDto, RemoveDataDto, RemoveDataResponseDto } from './dto/remove-data.dto';
import { MunicipalityDataService } from './municipality-data.service';

// A municipality's data as a whole: its admin takes it out, the operator removes it.
// The municipalities resource itself (list, settings) is its own feature.
@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalityDataController {
  constructor(private readonly service: MunicipalityDataService) {}

  @Get(':id/export')
  @Permission('municipalities', 'export')
  @AllowTicket()
  @ApiOperation({ summary: '自治体の全データの書き出し（表ごとの CSV と manifest.json を ZIP で。自分の市区町村のみ）' })
  @ApiFileResponse('ZIP: 表ごとの CSV（UTF-8 BOM 付き、CRLF、1 行目は列名）と manifest.json（表ごとの行数）。ストリーム送信します。', 'application/zip')
  async export(@IdParam() id: number, @CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response) {
    await this.service.export(id, user, req.ip, res);
  }

  @Post(':id/export/ticket')
  @Permission('municipalities', 'export')
  @OwnTransaction()
  @ApiOperation({ summary: '書き出しのダウンロード用の一時チケット（60 秒有効）を発行' })
  @ApiCreatedResponse({ type: ExportTicketResponseDto })
  ticket(@IdParam() id: number, @CurrentUser() user: AuthUser) {
    return this.service.ticket(id, user);
  }

  @Post(':id/remove-data')
  @Permission('municipalities', 'remove_data')
  @HttpCode(200)
  @ApiOperation({ summary: '市区町村のデータを完全に削除（運用事業者のみ。confirmCode に団体コードを入れて確認）' })
  @ApiOkResponse({ type: RemoveDataResponseDto })
  removeData(@IdParam() id: number, @Body() dto: RemoveDataDto, @CurrentUser() user: AuthUser, @Req() req: Request) {
    return this.service.removeData(id, dto.confirmCode, user, req.ip);
  }
}
