import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateTerminalDto, TerminalLogDto, UpdateTerminalDto } from './dto/terminal.dto';
import { terminalsListSpec as spec } from './terminals.repository';
import { TerminalsService } from './terminals.service';

@ApiTags('terminals')
@Controller('terminals')
export class TerminalsController {
  constructor(private readonly service: TerminalsService) {}

  @Get()
  @Permission('terminals', 'list')
  @ApiOperation({ summary: '共用端末の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('terminals', 'show')
  @ApiOperation({ summary: '共用端末の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Get(':id/log')
  @Permission('terminals', 'show')
  @ApiOperation({ summary: '端末の利用記録: around（窓口支援記録の ID）の前後 count 件の来庁（同じ端末、時刻順）。around なしは最近の来庁' })
  @ApiQuery({ name: 'around', required: false, description: 'この端末で記録された窓口支援記録の ID' })
  @ApiQuery({ name: 'count', required: false, description: '前後それぞれの件数（1〜50、既定: 3）' })
  @ApiOkResponse({ type: TerminalLogDto })
  log(@IdParam() id: number, @Query('around') around: unknown, @Query('count') count: unknown) {
    return this.service.log(id, { around, count });
  }

  @Post()
  @Permission('terminals', 'create')
  @ApiOperation({ summary: '共用端末の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateTerminalDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('terminals', 'edit')
  @ApiOperation({ summary: '共用端末の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateTerminalDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('terminals', 'delete')
  @ApiOperation({ summary: '共用端末の削除（来庁の記録があれば 409）' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
