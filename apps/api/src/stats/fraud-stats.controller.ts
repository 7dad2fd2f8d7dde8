import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { FraudStatsDto, FraudStatsQueryDto } from './dto/fraud-stats.dto';
import { FraudStatsService } from './fraud-stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class FraudStatsController {
  constructor(private readonly stats: FraudStatsService) {}

  @Get('fraud')
  @Permission('stats/fraud', 'show')
  @ApiOperation({ summary: '詐欺情報の傾向: 期間ごとの件数（接触手段別・かたった相手別）、求められたものの頻度、被害額の合計' })
  @ApiOkResponse({ type: FraudStatsDto })
  fraud(@Query() q: FraudStatsQueryDto) {
    return this.stats.fraud(q);
  }
}
