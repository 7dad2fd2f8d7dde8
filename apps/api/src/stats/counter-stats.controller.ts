import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { CounterStatsService } from './counter-stats.service';
import { CounterStatsResponseDto } from './dto/counter-stats.response.dto';
import { ApiStatsQuery, inStatsScope, parseCounterStatsQuery } from './stats-query';

@ApiTags('stats')
@Controller('stats')
export class CounterStatsController {
  constructor(private readonly stats: CounterStatsService) {}

  @Get('counter')
  @Permission('stats/counter', 'show')
  @ApiOperation({ summary: '窓口支援の集計（日・週・時間帯別）' })
  @ApiStatsQuery()
  @ApiOkResponse({
    type: CounterStatsResponseDto,
    description: '窓口支援の集計。窓口職員（counter）は本人の記録だけ、他の役割は全職員の記録。today / week は常に今日・今週（日本時間）。',
  })
  counter(@Query() query: Record<string, unknown>, @CurrentUser() user: AuthUser) {
    const q = parseCounterStatsQuery(query, new Date());
    return inStatsScope(q, () => this.stats.counter(q, user));
  }
}
