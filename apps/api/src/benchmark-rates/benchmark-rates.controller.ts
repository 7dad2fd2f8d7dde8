import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreateBenchmarkRateDto, UpdateBenchmarkRateDto } from './dto/benchmark-rate.dto';
import { benchmarkRatesListSpec as spec } from './benchmark-rates.repository';
import { BenchmarkRatesService } from './benchmark-rates.service';

@ApiTags('benchmark-rates')
@Controller('benchmark-rates')
export class BenchmarkRatesController {
  constructor(private readonly service: BenchmarkRatesService) {}

  @Get()
  @Permission('benchmark-rates', 'list')
  @ApiOperation({ summary: '全国・都道府県のカード申請率・交付率（総務省公表）の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('benchmark-rates', 'show')
  @ApiOperation({ summary: '公表された率の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('benchmark-rates', 'create')
  @ApiOperation({ summary: '公表された率の登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreateBenchmarkRateDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('benchmark-rates', 'edit')
  @ApiOperation({ summary: '公表された率の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdateBenchmarkRateDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('benchmark-rates', 'delete')
  @ApiOperation({ summary: '公表された率の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
