import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateWrongPersonIncidentDto, WrongPersonIncidentHistoryDto, UpdateWrongPersonIncidentDto } from './dto/wrong-person-incident.dto';
import { incidentsListSpec as spec } from './wrong-person-incidents.repository';
import { WrongPersonIncidentsService } from './wrong-person-incidents.service';

@ApiTags('wrong-person-incidents')
@Controller('wrong-person-incidents')
export class WrongPersonIncidentsController {
  constructor(private readonly service: WrongPersonIncidentsService) {}

  @Get()
  @Permission('wrong-person-incidents', 'list')
  @ApiOperation({ summary: '別人へのポイント付与事案の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('wrong-person-incidents', 'show')
  @ApiOperation({ summary: '別人へのポイント付与事案の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Get(':id/history')
  @Permission('wrong-person-incidents', 'show')
  @ApiOperation({ summary: '対応状況の変更履歴（古い順）。最初の行は受付（fromStatus: null）' })
  @ApiOkResponse({ type: WrongPersonIncidentHistoryDto, isArray: true })
  history(@IdParam() id: number) {
    return this.service.history(id);
  }

  @Post()
  @Permission('wrong-person-incidents', 'create')
  @ApiOperation({ summary: '別人へのポイント付与事案の登録（関係する来庁 assistanceRecordIds、住民への連絡、決済事業者の回答、総務省への報告）' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateWrongPersonIncidentDto, @CurrentUser() actor: AuthUser) {
    return this.service.create(dto, actor);
  }

  @Put(':id')
  @Permission('wrong-person-incidents', 'edit')
  @ApiOperation({ summary: '更新。status が現在と違えば状態の変更（statusComment は履歴へ）。許されない変更は 409' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateWrongPersonIncidentDto, @CurrentUser() actor: AuthUser) {
    return this.service.update(id, dto, actor);
  }

  @Delete(':id')
  @Permission('wrong-person-incidents', 'delete')
  @ApiOperation({ summary: '事案の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
