import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { MeasureStatsDto } from './dto/measure-stats.dto';
import { MeasureStatsService } from './measure-stats.service';

@ApiTags('stats')
@Controller('stats')
export class MeasureStatsController {
  constructor(private readonly stats: MeasureStatsService) {}

  @Get('measures')
  @Permission('stats/measures', 'show')
  @ApiOperation({ summary: '施策ごとの申し込み・付与ポイント・予算（執行額・残額・執行率と警告）' })
  @ApiOkResponse({ type: MeasureStatsDto })
  measures() {
    return this.stats.measures();
  }
}
