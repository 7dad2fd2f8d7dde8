import { Body, Controller, Delete, Get, Post, Put, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { OwnTransaction } from '../common/http/write.interceptor';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateMunicipalityDto, MunicipalityAdminDto, MunicipalityAdminResponseDto, UpdateMunicipalityDto } from './dto/municipality.dto';
import { municipalitiesListSpec as spec } from './municipalities.repository';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly service: MunicipalitiesService) {}

  @Get()
  @Permission('municipalities', 'list')
  @ApiOperation({ summary: '市区町村の一覧（運用事業者: すべて、市区町村の管理者: 自分の市区町村だけ）' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('municipalities', 'show')
  @ApiOperation({ summary: '市区町村の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('municipalities', 'create')
  @ApiOperation({ summary: '市区町村の登録（最初のシステム管理者も同時に登録できます）' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateMunicipalityDto) {
    return this.service.create(dto);
  }

  // Own transaction: the audit row names the municipality and the new account.
  @Post(':id/admins')
  @Permission('municipalities', 'create')
  @ApiOperation({ summary: '市区町村のシステム管理者の追加' })
  @OwnTransaction()
  @ApiCreatedResponse({ type: MunicipalityAdminResponseDto })
  addAdmin(@IdParam() id: number, @Body() dto: MunicipalityAdminDto, @CurrentUser() actor: AuthUser, @Req() req: { ip?: string }) {
    return this.service.addAdmin(id, dto, actor, req.ip);
  }

  @Put(':id')
  @Permission('municipalities', 'edit')
  @ApiOperation({ summary: '市区町村の設定の更新（市区町村の管理者は自分の市区町村の名称・地区・人口・問い合わせ先だけ）' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateMunicipalityDto, @CurrentUser() actor: AuthUser) {
    return this.service.update(id, dto, actor);
  }

  @Delete(':id')
  @Permission('municipalities', 'delete')
  @ApiOperation({ summary: '市区町村の削除（職員のアカウントも記録もないものだけ）' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
