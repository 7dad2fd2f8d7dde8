import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateMeasureDto, UpdateMeasureDto } from './dto/measure.dto';
import { measuresListSpec as spec } from './measures.repository';
import { MeasuresService } from './measures.service';

@ApiTags('measures')
@Controller('measures')
export class MeasuresController {
  constructor(private readonly service: MeasuresService) {}

  @Get()
  @Permission('measures', 'list')
  @ApiOperation({ summary: '施策の一覧（キャンペーンごとの付与の内容・期間・対象者・予算）' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('measures', 'show')
  @ApiOperation({ summary: '施策の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('measures', 'create')
  @ApiOperation({ summary: '施策の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateMeasureDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('measures', 'edit')
  @ApiOperation({ summary: '施策の更新（期限の延長など。変更は監査ログに残ります）' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateMeasureDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('measures', 'delete')
  @ApiOperation({ summary: '施策の削除（参加者がいない施策のみ）' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
