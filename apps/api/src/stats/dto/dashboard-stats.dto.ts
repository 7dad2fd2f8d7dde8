import { ApiProperty } from '@nestjs/swagger';
import {
  AGE_BAND,
  CHANNEL,
  MunicipalityStats,
  MunicipalityStatsRow,
  PAYMENT_SERVICE_KIND,
  PointsBucket,
  PointsStats,
  STAT_INTERVAL,
  StatInterval,
  SummaryStats,
  UptakeByDistrict,
  UptakePeriod,
  UptakeStats,
} from '@mynapoint/domain';

// Responses of GET /api/stats/summary, /uptake, /points and /municipalities, described for OpenAPI; each
// implements its type in libs/domain (stats-types.ts), which the services return.
// Enum-valued fields carry the codes as stored (the glossary's values); the UI labels them.

const int = (description?: string) => ApiProperty({ type: 'integer', description });
const date = (description: string) => ApiProperty({ format: 'date', example: '2020-09-01', description });
const campaign = () => ApiProperty({ type: 'integer', nullable: true, description: '絞り込んだキャンペーン（null: 全キャンペーン）' });

export class SummaryStatsDto implements SummaryStats {
  @date('集計開始日（JST）') from: string;
  @date('集計終了日（JST、その日を含む）') to: string;
  @campaign() campaignId: number | null;
  @int('期間内の予約件数') reservations: number;
  @int('期間内の申し込み件数') applications: number;
  @int('ポイントを付与された人数（現在。1ポイント以上）') awardedParticipants: number;
  @int('期間内に付与したポイント（円）') pointsAwarded: number;
  @int('上限に達した人数（現在）') capReachedParticipants: number;
  @ApiProperty({ type: 'number', minimum: 0, maximum: 1, description: '上限到達の割合 = capReachedParticipants / awardedParticipants（0人なら 0）' })
  capReachedShare: number;
  @int('予約枠の上限の合計（現在）') quotaCapacity: number;
  @int('予約枠の使用数の合計（現在）') quotaUsed: number;
  @int('予約枠の残り（現在）') quotaRemaining: number;
  @int('今月（JST の暦月）の窓口支援件数（全職員）') assistedVisitsThisMonth: number;
  @int('未対応の詐欺情報（new / investigating。キャンペーンに依らない）') openFraudAlerts: number;
}

export class UptakePeriodDto implements UptakePeriod {
  @date('期間の初日（日・週の月曜日・月の1日）') period: string;
  @int('この期間の予約件数') reservations: number;
  @int('この期間の申し込み件数') applications: number;
  @int('この期間の終わりまでの予約の累計（from より前も含む）') cumulativeReservations: number;
  @int('この期間の終わりまでの申し込みの累計（from より前も含む）') cumulativeApplications: number;
}

export class UptakeFunnelDto {
  @int('to までに予約した人数（累計）') reserved: number;
  @int('to までに申し込んだ人数（累計）') applied: number;
  @int('ポイントを付与された人数（現在）') awarded: number;
}

export class UptakeByChannelDto {
  @ApiProperty({ enum: CHANNEL.values }) channel: string;
  @int() reservations: number;
  @int() applications: number;
}

export class UptakeByServiceDto {
  @int() paymentServiceId: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PAYMENT_SERVICE_KIND.values }) kind: string;
  @int('期間内の申し込み件数') applications: number;
}

export class UptakeByServiceKindDto {
  @ApiProperty({ enum: PAYMENT_SERVICE_KIND.values }) kind: string;
  @int() applications: number;
}

export class UptakeByAgeBandDto {
  @ApiProperty({ enum: AGE_BAND.values, nullable: true, description: 'null: 未記録' }) ageBand: string | null;
  @int() reservations: number;
  @int() applications: number;
}

export class UptakeByDistrictDto implements UptakeByDistrict {
  @ApiProperty({ type: 'string', nullable: true, description: '地区（null: 未記録）' }) district: string | null;
  @int() reservations: number;
  @int() applications: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '市区町村の設定の地区別人口（未設定なら null）' }) population: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'reservations / population（人口が未設定なら null）' }) share: number | null;
}

export class UptakeStatsDto implements UptakeStats {
  @date('集計開始日（JST）') from: string;
  @date('集計終了日（JST、その日を含む）') to: string;
  @ApiProperty({ enum: STAT_INTERVAL.values }) interval: StatInterval;
  @campaign() campaignId: number | null;
  @int('予約枠の上限の合計（現在）') quotaCapacity: number;
  @ApiProperty({ type: [UptakePeriodDto], description: 'from〜to を interval ごとに（0件の期間も含む、古い順）' }) series: UptakePeriodDto[];
  @ApiProperty({ type: UptakeFunnelDto }) funnel: UptakeFunnelDto;
  @ApiProperty({ type: [UptakeByChannelDto], description: '期間内、経路別（全ての経路を 0 を含めて）' }) byChannel: UptakeByChannelDto[];
  @ApiProperty({ type: [UptakeByServiceDto], description: '期間内、決済サービス別の申し込み（多い順、0件のサービスも含む）' }) byService: UptakeByServiceDto[];
  @ApiProperty({ type: [UptakeByServiceKindDto], description: '期間内、決済サービスの種類別の申し込み（多い順）' }) byServiceKind: UptakeByServiceKindDto[];
  @ApiProperty({ type: [UptakeByAgeBandDto], description: '期間内、年代別（全ての年代を順に、未記録は最後に）' }) byAgeBand: UptakeByAgeBandDto[];
  @ApiProperty({ type: [UptakeByDistrictDto], description: '期間内、地区別（設定の地区は 0 件でも、未記録は最後に）。都道府県の利用者が複数の市区町村の合計を見るときは空（地区名は市区町村ごとのもの。municipalityCode で1市区町村に絞ると、その地区別）' }) byDistrict: UptakeByDistrictDto[];
}

export class PointsPeriodDto {
  @date('期間の初日（取引日）') period: string;
  @int('付与ポイント') points: number;
  @int('付与件数') awards: number;
}

export class PointsByServiceDto {
  @int() paymentServiceId: number;
  @ApiProperty() name: string;
  @int() points: number;
  @int() awards: number;
}

export class PointsBucketDto implements PointsBucket {
  @int('下限（円）') fromYen: number;
  @int('上限（円、その額を含む）') toYen: number;
  @int('人数') participants: number;
}

export class PointsStatsDto implements PointsStats {
  @date('集計開始日（取引日、JST）') from: string;
  @date('集計終了日（その日を含む）') to: string;
  @ApiProperty({ enum: STAT_INTERVAL.values }) interval: StatInterval;
  @campaign() campaignId: number | null;
  @int('1人あたりの上限（円）。全キャンペーンのときは最大のもの') capYen: number;
  @int('期間内（取引日）に付与したポイント') totalPoints: number;
  @int('期間内（取引日）の付与件数') awards: number;
  @int('ポイントを付与された人数（現在）') awardedParticipants: number;
  @int('上限に達した人数（現在）') capReachedParticipants: number;
  @ApiProperty({ type: [PointsPeriodDto], description: 'from〜to を interval ごとに（0件の期間も含む）' }) series: PointsPeriodDto[];
  @ApiProperty({ type: [PointsByServiceDto], description: '期間内、決済サービス別（多い順）' }) byService: PointsByServiceDto[];
  @ApiProperty({
    type: [PointsBucketDto],
    description: '1人あたりの付与累計の分布（現在）: 1–499, 500–999, …（500円刻み）と、最後に上限到達者（fromYen = toYen = capYen）',
  })
  distribution: PointsBucketDto[];
}

const share = (description: string) => ApiProperty({ type: 'number', nullable: true, minimum: 0, description });

export class MunicipalityStatsTotalDto implements Omit<MunicipalityStatsRow, 'code' | 'name'> {
  @int('期間内の予約件数') reservations: number;
  @int('期間内の申し込み件数') applications: number;
  @int('期間内（取引日）に付与したポイント（円）') pointsAwarded: number;
  @int('期間内の窓口支援の件数（全職員）') assistedVisits: number;
  @int('期間内の窓口支援の対応時間（分）') assistedMinutes: number;
  @int('期間内に受け付けた詐欺情報の件数（受付日。キャンペーンに依らない）') fraudReports: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '地区別人口（districtPopulation）の合計。未設定なら null（合計では、設定のある市区町村の合計）' })
  population: number | null;
  @share('reservations / population（人口が未設定なら null。合計では、人口のある市区町村だけで計算）') uptakeShare: number | null;
}

export class MunicipalityStatsRowDto extends MunicipalityStatsTotalDto implements MunicipalityStatsRow {
  @ApiProperty({ example: '152234', description: '団体コード（6桁）' }) code: string;
  @ApiProperty({ example: '阿賀野市' }) name: string;
}

export class MunicipalityStatsDto implements MunicipalityStats {
  @date('集計開始日（JST）') from: string;
  @date('集計終了日（JST、その日を含む）') to: string;
  @ApiProperty({ type: [MunicipalityStatsRowDto], description: '市区町村ごと（団体コード順、データのない市区町村も 0 で）' })
  municipalities: MunicipalityStatsRowDto[];
  @ApiProperty({ type: MunicipalityStatsTotalDto, description: '全行の合計' }) total: MunicipalityStatsTotalDto;
}
