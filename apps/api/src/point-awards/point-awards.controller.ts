import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreatePointAwardDto } from './dto/point-award.dto';
import { pointAwardsListSpec as spec } from './point-awards.repository';
import { PointAwardsService } from './point-awards.service';

// The ledger is append-only: a correction is a new award, never an edit.
@ApiTags('point-awards')
@Controller('point-awards')
export class PointAwardsController {
  constructor(private readonly service: PointAwardsService) {}

  @Get()
  @Permission('point-awards', 'list')
  @ApiOperation({ summary: 'ポイント付与の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('point-awards', 'show')
  @ApiOperation({ summary: 'ポイント付与の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('point-awards', 'create')
  @ApiOperation({ summary: 'ポイント付与の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreatePointAwardDto, @CurrentUser() user: AuthUser) {
    return this.service.create(dto, user);
  }
}
