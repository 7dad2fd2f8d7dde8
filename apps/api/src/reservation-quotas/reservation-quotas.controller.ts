import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateReservationQuotaDto, UpdateReservationQuotaDto } from './dto/reservation-quota.dto';
import { reservationQuotasListSpec as spec } from './reservation-quotas.repository';
import { ReservationQuotasService } from './reservation-quotas.service';

@ApiTags('reservation-quotas')
@Controller('reservation-quotas')
export class ReservationQuotasController {
  constructor(private readonly service: ReservationQuotasService) {}

  @Get()
  @Permission('reservation-quotas', 'list')
  @ApiOperation({ summary: '予約枠の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('reservation-quotas', 'show')
  @ApiOperation({ summary: '予約枠の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('reservation-quotas', 'create')
  @ApiOperation({ summary: '予約枠の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateReservationQuotaDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('reservation-quotas', 'edit')
  @ApiOperation({ summary: '予約枠の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateReservationQuotaDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('reservation-quotas', 'delete')
  @ApiOperation({ summary: '予約枠の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
