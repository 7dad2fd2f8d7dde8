import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateFraudAlertDto, FraudAlertHistoryDto, UpdateFraudAlertDto } from './dto/fraud-alert.dto';
import { fraudAlertsListSpec as spec } from './fraud-alerts.repository';
import { FraudAlertsService } from './fraud-alerts.service';

@ApiTags('fraud-alerts')
@Controller('fraud-alerts')
export class FraudAlertsController {
  constructor(private readonly service: FraudAlertsService) {}

  @Get()
  @Permission('fraud-alerts', 'list')
  @ApiOperation({ summary: '詐欺情報の一覧。filter={"published":true} で公開済みの注意喚起（ダッシュボード用、sort=["noticePublishedAt","DESC"]）' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('fraud-alerts', 'show')
  @ApiOperation({ summary: '詐欺情報の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Get(':id/history')
  @Permission('fraud-alerts', 'show')
  @ApiOperation({ summary: '対応状況の変更履歴（古い順）。最初の行は受付（fromStatus: null）' })
  @ApiOkResponse({ type: FraudAlertHistoryDto, isArray: true })
  history(@IdParam() id: number) {
    return this.service.history(id);
  }

  @Post()
  @Permission('fraud-alerts', 'create')
  @ApiOperation({ summary: '詐欺情報の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateFraudAlertDto, @CurrentUser() actor: AuthUser) {
    return this.service.create(dto, actor);
  }

  @Put(':id')
  @Permission('fraud-alerts', 'edit')
  @ApiOperation({ summary: '更新。status が現在と違えば状態の変更（statusComment は履歴へ）。許されない変更は 409' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateFraudAlertDto, @CurrentUser() actor: AuthUser) {
    return this.service.update(id, dto, actor);
  }

  @Delete(':id')
  @Permission('fraud-alerts', 'delete')
  @ApiOperation({ summary: '詐欺情報の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }

  @Post(':id/publish')
  @Permission('fraud-alerts', 'publish')
  @HttpCode(200)
  @ApiOperation({ summary: '注意喚起を公開（noticePublishedAt を記録、監査ログ publish）。見出し・本文がなければ 400、公開済みなら 409' })
  @ApiRecord(spec)
  publish(@IdParam() id: number, @CurrentUser() actor: AuthUser) {
    return this.service.publish(id, actor);
  }
}
