import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { IdParam } from '../common/list/list-query.decorator';
import { AppointmentsService } from './appointments.service';
import { DeskDayDto } from './dto/appointment.dto';

// A desk's day (the counter's board): GET /api/desks/:id/today, served by the appointments
// feature, which owns the bookings.
@ApiTags('appointments')
@Controller('desks')
export class DeskDayController {
  constructor(private readonly service: AppointmentsService) {}

  @Get(':id/today')
  @Permission('appointments', 'list')
  @ApiOperation({ summary: '窓口の当日ボード: 枠ごとの予約（来庁済み・遅れ・予約なし来庁）と件数。管理職には氏名・電話番号なし' })
  @ApiQuery({ name: 'date', required: false, description: 'YYYY-MM-DD（JST）。既定: 今日' })
  @ApiOkResponse({ type: DeskDayDto })
  today(@IdParam() id: number, @Query('date') date: unknown, @CurrentUser() user: AuthUser) {
    return this.service.deskDay(id, date, user);
  }
}
