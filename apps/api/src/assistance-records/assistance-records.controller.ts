import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { assistanceRecordsListSpec as spec } from './assistance-records.repository';
import { AssistanceRecordsService } from './assistance-records.service';
import { CreateAssistanceRecordDto, UpdateAssistanceRecordDto } from './dto/assistance-record.dto';

// Counter staff see and change only their own records (scope 'own'), and change
// them only on the day they logged them; the service applies both.
@ApiTags('assistance-records')
@Controller('assistance-records')
export class AssistanceRecordsController {
  constructor(private readonly service: AssistanceRecordsService) {}

  @Get()
  @Permission('assistance-records', 'list')
  @ApiOperation({ summary: '窓口支援記録の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery, @CurrentUser() user: AuthUser) {
    return this.service.list(q, user);
  }

  @Get(':id')
  @Permission('assistance-records', 'show')
  @ApiOperation({ summary: '窓口支援記録の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number, @CurrentUser() user: AuthUser) {
    return this.service.get(id, user);
  }

  @Post()
  @Permission('assistance-records', 'create')
  @ApiOperation({ summary: '窓口支援記録の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateAssistanceRecordDto, @CurrentUser() user: AuthUser) {
    return this.service.create(dto, user);
  }

  @Put(':id')
  @Permission('assistance-records', 'edit')
  @ApiOperation({ summary: '窓口支援記録の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateAssistanceRecordDto, @CurrentUser() user: AuthUser) {
    return this.service.update(id, dto, user);
  }

  @Delete(':id')
  @Permission('assistance-records', 'delete')
  @ApiOperation({ summary: '窓口支援記録の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number, @CurrentUser() user: AuthUser) {
    return this.service.remove(id, user);
  }
}
