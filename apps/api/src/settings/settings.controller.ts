import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser } from '../common/auth/permission.decorator';
import { MunicipalitiesService } from '../municipalities/municipalities.service';

// The signed-in user's municipality as the UI needs it: its name for the header, printed
// notices and reports, its districts for input suggestions, its contact. For any
// signed-in user; no secrets here. The installation's accounts (operator, prefecture)
// belong to no municipality: null name and code, no districts.
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '自分の自治体の設定（市区町村名・地区・地区別人口・問い合わせ先）' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        cityName: { type: 'string', nullable: true, example: '阿賀野市', description: '市区町村名（運用事業者・都道府県の利用者には null）' },
        municipalityCode: { type: 'string', nullable: true, example: '152234' },
        prefectureCode: { type: 'string', nullable: true, example: '15', description: '市区町村の、または都道府県の利用者の都道府県コード' },
        districts: { type: 'array', items: { type: 'string' }, example: ['水原', '京ヶ瀬', '安田', '笹神'] },
        districtPopulation: {
          type: 'object',
          additionalProperties: { type: 'integer' },
          example: { 水原: 23000 },
          description: '地区ごとの人口（未設定なら空）',
        },
        contactPhone: { type: 'string', nullable: true, example: '0250-62-2510', description: 'お知らせに載せる問い合わせ先の電話番号' },
        contactEmail: { type: 'string', nullable: true, example: 'mynapoint@city.example.jp' },
      },
    },
  })
  async get(@CurrentUser() user: AuthUser) {
    const m = await this.municipalities.current();
    return {
      cityName: m?.name ?? null,
      municipalityCode: m?.code ?? null,
      prefectureCode: m?.prefectureCode ?? user.prefectureCode ?? null,
      districts: m?.districts ?? [],
      districtPopulation: m?.districtPopulation ?? {},
      contactPhone: m?.contactPhone ?? null,
      contactEmail: m?.contactEmail ?? null,
    };
  }
}
