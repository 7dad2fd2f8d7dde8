import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { STAT_INTERVAL } from '@mynapoint/domain';
import { DEFAULT_RANGE_DAYS, MAX_PERIODS, parseCounterStatsQuery } from './counter-stats.query';
import { CounterStatsService } from './counter-stats.service';
import { CounterStatsResponseDto } from './dto/counter-stats.response.dto';

@ApiTags('stats')
@Controller('stats')
export class CounterStatsController {
  constructor(private readonly stats: CounterStatsService) {}

  @Get('counter')
  @Permission('stats/counter', 'show')
  @ApiOperation({ summary: '窓口支援の集計（日・週・時間帯別）' })
  @ApiQuery({ name: 'from', required: false, example: '2020-09-01', description: `集計開始日（既定: to の${DEFAULT_RANGE_DAYS - 1}日前）` })
  @ApiQuery({ name: 'to', required: false, example: '2020-09-30', description: '集計終了日（既定: 今日、日本時間）' })
  @ApiQuery({ name: 'interval', required: false, enum: STAT_INTERVAL.values, description: `series の単位（既定: day。週は月曜始まり）。${MAX_PERIODS}区間まで` })
  @ApiOkResponse({
    type: CounterStatsResponseDto,
    description: '窓口支援の集計。窓口職員（counter）は本人の記録だけ、他の役割は全職員の記録。today / week は常に今日・今週（日本時間）。',
  })
  counter(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    return this.stats.counter(parseCounterStatsQuery(query, new Date()), user);
  }
}
