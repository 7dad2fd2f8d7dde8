import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { appointmentsListSpec as spec } from './appointments.repository';
import { AppointmentsService } from './appointments.service';
import { CreateAppointmentDto, MarkNoShowsDto, NoShowsDto, UpdateAppointmentDto } from './dto/appointment.dto';

// Names, phone numbers and notes are shown to counter, policy and admin only (a manager
// gets them as null and cannot search by them), and never exported.
@ApiTags('appointments')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly service: AppointmentsService) {}

  @Get()
  @Permission('appointments', 'list')
  @ApiOperation({ summary: '来庁予約の一覧。filter={"deskId":1,"startsAt":"2022-09-20"} で窓口と日（JST）' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery, @CurrentUser() user: AuthUser) {
    return this.service.list(q, user);
  }

  // The end of a desk's day: its audit row is an update of appointments carrying { deskId, date }.
  @Post('no-shows')
  @Permission('appointments', 'edit')
  @HttpCode(200)
  @ApiOperation({ summary: '一日の終わりに: 窓口のその日の終了した枠で、予約済みのままの予約を「来庁なし」にする' })
  @ApiOkResponse({ type: NoShowsDto })
  noShows(@Body() dto: MarkNoShowsDto) {
    return this.service.markNoShows(dto.deskId, dto.date);
  }

  @Get(':id')
  @Permission('appointments', 'show')
  @ApiOperation({ summary: '来庁予約の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number, @CurrentUser() user: AuthUser) {
    return this.service.get(id, user);
  }

  @Post()
  @Permission('appointments', 'create')
  @ApiOperation({ summary: '来庁予約（partySize 席を一つの文で取ります。満席・終了した枠は 409）。walkIn: true は予約なしの来庁（当日の枠、席は取りません）' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateAppointmentDto, @CurrentUser() user: AuthUser) {
    return this.service.create(dto, user);
  }

  @Put(':id')
  @Permission('appointments', 'edit')
  @ApiOperation({ summary: '更新。status: "cancelled" でキャンセル（席を戻します）、slotId で別の枠へ移動（一度に、移動先が満席なら 409 で何も変わりません）' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateAppointmentDto, @CurrentUser() user: AuthUser) {
    return this.service.update(id, dto, user);
  }

  @Delete(':id')
  @Permission('appointments', 'delete')
  @ApiOperation({ summary: '来庁予約の削除（誤登録。席を戻します）' })
  @ApiRecord(spec)
  remove(@IdParam() id: number, @CurrentUser() user: AuthUser) {
    return this.service.remove(id, user);
  }

  // Checking in opens the visit's assistance record: the roles that log visits (check_in).
  @Post(':id/check-in')
  @Permission('appointments', 'check_in')
  @HttpCode(200)
  @ApiOperation({ summary: '来庁受付: 予約を来庁済みにし、窓口支援記録を用件・窓口から下書きして作成（assistanceRecordId）。予約日の当日のみ' })
  @ApiRecord(spec)
  checkIn(@IdParam() id: number, @CurrentUser() user: AuthUser) {
    return this.service.checkIn(id, user);
  }
}
