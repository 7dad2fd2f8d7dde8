import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/permission.decorator';
import { APP_CONFIG, AppConfig } from '../config/app-config';

// The deployment's own settings the UI needs to make suggestions (e.g. the
// district list of the city), for any signed-in user. No secrets here.
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '自治体の設定（市区町村名・地区・地区別人口）' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        cityName: { type: 'string', example: '阿賀野市' },
        municipalityCode: { type: 'string', example: '152234' },
        districts: { type: 'array', items: { type: 'string' }, example: ['水原', '京ヶ瀬', '安田', '笹神'] },
        districtPopulation: {
          type: 'object',
          additionalProperties: { type: 'integer' },
          example: { 水原: 23000 },
          description: '地区ごとの人口（DISTRICT_POPULATION。未設定なら空）',
        },
      },
    },
  })
  get() {
    return { cityName: this.config.cityName, municipalityCode: this.config.municipalityCode, districts: this.config.districts, districtPopulation: this.config.districtPopulation };
  }
}
