import { Body, Controller, Delete, Get, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { applicationsListSpec as spec } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { CreateApplicationDto, DeleteApplicationDto, UpdateApplicationDto } from './dto/application.dto';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly service: ApplicationsService) {}

  @Get()
  @Permission('applications', 'list')
  @ApiOperation({ summary: 'ポイント申し込みの一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('applications', 'show')
  @ApiOperation({ summary: 'ポイント申し込みの詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('applications', 'create')
  @ApiOperation({ summary: 'ポイント申し込みの登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateApplicationDto, @CurrentUser() user: AuthUser) {
    return this.service.create(dto, user);
  }

  @Put(':id')
  @Permission('applications', 'edit')
  @ApiOperation({ summary: 'ポイント申し込みの更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateApplicationDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('applications', 'delete')
  @ApiOperation({ summary: '申し込みの削除（理由が必須: 本文 {"reason"} または ?reason=）。削除は参加者の履歴に残り、その後の申し込みは再申込（reapplication: true）で、削除した申し込みと同じ決済サービスに限ります' })
  @ApiQuery({ name: 'reason', required: false, description: '削除の理由（本文で送れないクライアント用）' })
  @ApiRecord(spec)
  remove(@IdParam() id: number, @Body() dto: DeleteApplicationDto, @Query('reason') reason: unknown, @CurrentUser() user: AuthUser) {
    return this.service.remove(id, dto.reason ?? reason, user);
  }
}
