import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateReservationDto, UpdateReservationDto } from './dto/reservation.dto';
import { reservationsListSpec as spec } from './reservations.repository';
import { ReservationsService } from './reservations.service';

@ApiTags('reservations')
@Controller('reservations')
export class ReservationsController {
  constructor(private readonly service: ReservationsService) {}

  @Get()
  @Permission('reservations', 'list')
  @ApiOperation({ summary: 'マイナポイント予約の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('reservations', 'show')
  @ApiOperation({ summary: 'マイナポイント予約の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('reservations', 'create')
  @ApiOperation({ summary: 'マイナポイント予約の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateReservationDto, @CurrentUser() user: AuthUser) {
    return this.service.create(dto, user);
  }

  @Put(':id')
  @Permission('reservations', 'edit')
  @ApiOperation({ summary: 'マイナポイント予約の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateReservationDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('reservations', 'delete')
  @ApiOperation({ summary: 'マイナポイント予約の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
