import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { CardUptakeStatsService } from './card-uptake-stats.service';
import { CardUptakeStatsDto } from './dto/card-uptake-stats.dto';
import { parseAsOfQuery } from './stats-query';

@ApiTags('stats')
@Controller('stats')
export class CardUptakeStatsController {
  constructor(private readonly stats: CardUptakeStatsService) {}

  @Get('card-uptake')
  @Permission('stats/card-uptake', 'show')
  @ApiOperation({
    summary:
      'マイナンバーカードの申請率・交付率（全体・地区別・年代別・月ごとの推移）を、全国・都道府県の率と各目標と並べて返す。率は 100 × 件数 / 人口 を小数第1位に四捨五入、目標までの差は人数',
  })
  @ApiQuery({ name: 'asOf', required: false, example: '2023-03-31', description: 'この日以前の最新の集計を使う（JST。既定: 今日）' })
  @ApiOkResponse({ type: CardUptakeStatsDto })
  cardUptake(@Query() query: Record<string, unknown>) {
    return this.stats.cardUptake(parseAsOfQuery(query, new Date()).asOf);
  }
}
