import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateTargetDto, UpdateTargetDto } from './dto/target.dto';
import { targetsListSpec as spec } from './targets.repository';
import { TargetsService } from './targets.service';

@ApiTags('targets')
@Controller('targets')
export class TargetsController {
  constructor(private readonly service: TargetsService) {}

  @Get()
  @Permission('targets', 'list')
  @ApiOperation({ summary: 'カード普及の目標の一覧（期限の早い順）' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('targets', 'show')
  @ApiOperation({ summary: '目標の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('targets', 'create')
  @ApiOperation({ summary: '目標の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateTargetDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('targets', 'edit')
  @ApiOperation({ summary: '目標の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateTargetDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('targets', 'delete')
  @ApiOperation({ summary: '目標の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
