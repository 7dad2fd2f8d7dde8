import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { DashboardStatsService } from './dashboard-stats.service';
import { MunicipalityStatsDto, PointsStatsDto, SummaryStatsDto, UptakeStatsDto } from './dto/dashboard-stats.dto';
import { ApiStatsQuery, inStatsScope, parseOpenStatsQuery, parseStatsQuery } from './stats-query';

// The dashboard's uptake and points figures; answered from rollup tables (see
// docs/stats.md), so the cost does not grow with the number of participants.
@ApiTags('stats')
@Controller('stats')
export class DashboardStatsController {
  constructor(private readonly stats: DashboardStatsService) {}

  @Get('summary')
  @Permission('stats/summary', 'show')
  @ApiOperation({ summary: 'ダッシュボードの概要: 期間内の予約・申し込み・付与ポイント、予約枠と上限到達者の現況、今月の窓口支援、未対応の詐欺情報' })
  @ApiStatsQuery({ interval: false, campaign: true })
  @ApiOkResponse({ type: SummaryStatsDto })
  summary(@Query() query: Record<string, unknown>) {
    const q = parseStatsQuery(query, new Date(), { campaign: true });
    return inStatsScope(q, () => this.stats.summary(q));
  }

  @Get('uptake')
  @Permission('stats/uptake', 'show')
  @ApiOperation({ summary: '予約・申し込みの推移（累計を含む）、ファネル、経路・決済サービス・年代・地区別' })
  @ApiStatsQuery({ campaign: true })
  @ApiOkResponse({ type: UptakeStatsDto })
  uptake(@Query() query: Record<string, unknown>) {
    const q = parseStatsQuery(query, new Date(), { campaign: true });
    return inStatsScope(q, () => this.stats.uptake(q));
  }

  @Get('points')
  @Permission('stats/points', 'show')
  @ApiOperation({ summary: 'ポイント付与の推移（取引日）、決済サービス別、1人あたり累計の分布' })
  @ApiStatsQuery({ campaign: true })
  @ApiOkResponse({ type: PointsStatsDto })
  points(@Query() query: Record<string, unknown>) {
    const q = parseStatsQuery(query, new Date(), { campaign: true });
    return inStatsScope(q, () => this.stats.points(q));
  }

  @Get('municipalities')
  @Permission('stats/municipalities', 'show')
  @ApiOperation({
    summary:
      '市区町村の比較: 期間内の予約・申し込み・付与ポイント・窓口支援・詐欺情報の受付を市区町村ごとに並べ、合計も（都道府県の利用者は県内の市区町村、市区町村の職員は自分の1行）',
  })
  @ApiStatsQuery({ fromDefault: '最初のキャンペーンの予約開始日（なければ to の29日前）', interval: false, campaign: true })
  @ApiOkResponse({ type: MunicipalityStatsDto })
  municipalities(@Query() query: Record<string, unknown>) {
    // No series here: a long range needs no interval (month, the widest, by default).
    const q = parseOpenStatsQuery(query, new Date(), { campaign: true, defaultInterval: 'month' });
    return inStatsScope(q, () => this.stats.municipalities(q));
  }
}
