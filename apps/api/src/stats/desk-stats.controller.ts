import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { DeskStatsService } from './desk-stats.service';
import { DeskStatsResponseDto } from './dto/desk-stats.response.dto';
import { ApiStatsQuery, inStatsScope, parseStatsQuery } from './stats-query';

@ApiTags('stats')
@Controller('stats')
export class DeskStatsController {
  constructor(private readonly stats: DeskStatsService) {}

  @Get('desks')
  @Permission('stats/desks', 'show')
  @ApiOperation({ summary: '窓口の予約の集計: 窓口・日ごとの定員と予約、来庁なし率、予約なし来庁、待ち時間（受付から対応開始まで）' })
  @ApiStatsQuery({ interval: false })
  @ApiOkResponse({ type: DeskStatsResponseDto })
  desks(@Query() query: Record<string, unknown>) {
    const q = parseStatsQuery(query, new Date());
    return inStatsScope(q, () => this.stats.desks(q.from, q.to));
  }
}
