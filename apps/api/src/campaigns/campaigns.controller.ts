import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { campaignsListSpec as spec } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign.dto';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly service: CampaignsService) {}

  @Get()
  @Permission('campaigns', 'list')
  @ApiOperation({ summary: 'キャンペーンの一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('campaigns', 'show')
  @ApiOperation({ summary: 'キャンペーンの詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('campaigns', 'create')
  @ApiOperation({ summary: 'キャンペーンの登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateCampaignDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('campaigns', 'edit')
  @ApiOperation({ summary: 'キャンペーンの更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateCampaignDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('campaigns', 'delete')
  @ApiOperation({ summary: 'キャンペーンの削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
