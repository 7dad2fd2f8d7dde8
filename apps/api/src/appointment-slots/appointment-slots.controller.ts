import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateAppointmentSlotDto, GenerateAppointmentSlotsDto, GeneratedSlotsDto, UpdateAppointmentSlotDto } from './dto/appointment-slot.dto';
import { appointmentSlotsListSpec as spec } from './appointment-slots.repository';
import { AppointmentSlotsService } from './appointment-slots.service';

@ApiTags('appointment-slots')
@Controller('appointment-slots')
export class AppointmentSlotsController {
  constructor(private readonly service: AppointmentSlotsService) {}

  @Get()
  @Permission('appointment-slots', 'list')
  @ApiOperation({ summary: '窓口の予約枠の一覧。filter={"deskId":1,"startsAt":"2022-09-20"} で窓口と日（JST）' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Post('generate')
  @Permission('appointment-slots', 'create')
  @HttpCode(201)
  @ApiOperation({ summary: '曜日・時間帯の型から期間の枠を一括作成。祝日・年末年始（12/29〜1/3）・市の休業日・窓口の開設期間外は飛ばし、同じ開始時刻の枠は作り直しません' })
  @ApiCreatedResponse({ type: GeneratedSlotsDto })
  generate(@Body() dto: GenerateAppointmentSlotsDto) {
    return this.service.generate(dto);
  }

  @Get(':id')
  @Permission('appointment-slots', 'show')
  @ApiOperation({ summary: '窓口の予約枠の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('appointment-slots', 'create')
  @ApiOperation({ summary: '窓口の予約枠の登録（1枠）' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateAppointmentSlotDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('appointment-slots', 'edit')
  @ApiOperation({ summary: '窓口の予約枠の更新。予約済みの席より少ない定員、予約がある枠の窓口・時刻の変更は 409' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateAppointmentSlotDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('appointment-slots', 'delete')
  @ApiOperation({ summary: '窓口の予約枠の削除（予約の記録があれば 409）' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
