import { Body, Controller, Get, HttpCode, Post, Req, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IMPORT_TYPE } from '@mynapoint/domain';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { OwnTransaction } from '../common/http/write.interceptor';
import { MyNumberInterceptor } from '../common/my-number/my-number.interceptor';
import { ApiFileResponse } from '../common/openapi/openapi';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateImportDto, ImportAcceptedDto } from './dto/create-import.dto';
import { importsListSpec as spec } from './imports.repository';
import { ImportsService, UploadedCsv } from './imports.service';

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly service: ImportsService) {}

  @Get()
  @Permission('imports', 'list')
  @ApiOperation({ summary: 'データ取り込みの一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('imports', 'show')
  @ApiOperation({ summary: 'データ取り込みの詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Get(':id/errors.csv')
  @Permission('imports', 'show')
  @ApiOperation({ summary: '取り込みでエラーになった行の CSV' })
  @ApiFileResponse('エラーになった行の一覧（UTF-8 BOM 付き、CRLF）', 'text/csv')
  async errorsCsv(@IdParam() id: number, @CurrentUser() user: AuthUser, @Req() req: { ip?: string }) {
    const { stream, filename } = await this.service.errorsCsv(id, user, req.ip);
    return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${filename}"` });
  }

  // The job runs in the background after the 202: its own transactions, its own audit rows.
  @Post()
  @Permission('imports', 'create')
  @ApiOperation({ summary: 'CSV の取り込みを開始（バックグラウンドで処理）' })
  @OwnTransaction()
  @HttpCode(202)
  // The form fields exist only once multer has read them: the My Number guard again, after it.
  @UseInterceptors(FileInterceptor('file'), MyNumberInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'type'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV（UTF-8 / BOM付きUTF-8 / Shift_JIS）。1行目は列名' },
        type: { type: 'string', enum: [...IMPORT_TYPE.values] },
        paymentServiceId: { type: 'integer', description: 'point-awards では必須' },
        campaignId: { type: 'integer' },
      },
    },
  })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  create(@Body() dto: CreateImportDto, @UploadedFile() file: UploadedCsv | undefined, @CurrentUser() user: AuthUser, @Req() req: { ip?: string }) {
    return this.service.create(dto, file, user, req.ip);
  }
}
