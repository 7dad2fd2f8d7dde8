import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { FraudStatsDto } from './dto/fraud-stats.dto';
import { FraudStatsService } from './fraud-stats.service';
import { ApiStatsQuery, inStatsScope, parseOpenStatsQuery } from './stats-query';

@ApiTags('stats')
@Controller('stats')
export class FraudStatsController {
  constructor(private readonly stats: FraudStatsService) {}

  @Get('fraud')
  @Permission('stats/fraud', 'show')
  @ApiOperation({ summary: '詐欺情報の傾向: 期間ごとの件数（接触手段別・かたった相手別）、求められたものの頻度、被害額の合計' })
  @ApiStatsQuery({ fromDefault: '最初の受付日', interval: { default: 'week' } })
  @ApiOkResponse({ type: FraudStatsDto })
  fraud(@Query() query: Record<string, unknown>) {
    // A missing `from` is the first report's day, which the service reads.
    const q = parseOpenStatsQuery(query, new Date(), { defaultInterval: 'week' });
    return inStatsScope(q, () => this.stats.fraud(q));
  }
}
