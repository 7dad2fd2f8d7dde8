import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateDeskDto, UpdateDeskDto } from './dto/desk.dto';
import { desksListSpec as spec } from './desks.repository';
import { DesksService } from './desks.service';

@ApiTags('desks')
@Controller('desks')
export class DesksController {
  constructor(private readonly service: DesksService) {}

  @Get()
  @Permission('desks', 'list')
  @ApiOperation({ summary: '窓口の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('desks', 'show')
  @ApiOperation({ summary: '窓口の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('desks', 'create')
  @ApiOperation({ summary: '窓口の登録（出張窓口は開設日・終了日が必須）' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateDeskDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('desks', 'edit')
  @ApiOperation({ summary: '窓口の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateDeskDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('desks', 'delete')
  @ApiOperation({ summary: '窓口の削除（予約枠・端末があれば 409）' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
