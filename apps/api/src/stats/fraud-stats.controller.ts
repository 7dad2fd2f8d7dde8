import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { STAT_INTERVAL } from '@mynapoint/domain';
import { Permission } from '../common/auth/permission.decorator';
import { FraudStatsDto } from './dto/fraud-stats.dto';
import { FraudStatsService } from './fraud-stats.service';

@ApiTags('stats')
@Controller('stats')
export class FraudStatsController {
  constructor(private readonly stats: FraudStatsService) {}

  @Get('fraud')
  @Permission('stats/fraud', 'show')
  @ApiOperation({ summary: '詐欺情報の傾向: 期間ごとの件数（接触手段別・かたった相手別）、求められたものの頻度、被害額の合計' })
  @ApiQuery({ name: 'from', required: false, example: '2020-09-01', description: '開始日（JST、既定: 最初の受付日）' })
  @ApiQuery({ name: 'to', required: false, example: '2020-09-30', description: '終了日（JST、その日を含む。既定: 今日）' })
  @ApiQuery({ name: 'interval', required: false, enum: STAT_INTERVAL.values, description: '系列の単位（既定: week。週は月曜始まり）' })
  @ApiOkResponse({ type: FraudStatsDto })
  fraud(@Query() query: Record<string, unknown>) {
    return this.stats.fraud(query);
  }
}
