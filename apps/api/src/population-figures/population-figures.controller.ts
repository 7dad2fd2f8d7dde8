import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreatePopulationFigureDto, UpdatePopulationFigureDto } from './dto/population-figure.dto';
import { populationFiguresListSpec as spec } from './population-figures.repository';
import { PopulationFiguresService } from './population-figures.service';

@ApiTags('population-figures')
@Controller('population-figures')
export class PopulationFiguresController {
  constructor(private readonly service: PopulationFiguresService) {}

  @Get()
  @Permission('population-figures', 'list')
  @ApiOperation({ summary: '人口とカード交付の集計（基準日・地区・年代ごと）の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('population-figures', 'show')
  @ApiOperation({ summary: '人口とカード交付の集計の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('population-figures', 'create')
  @ApiOperation({ summary: '人口とカード交付の集計の登録（負の数、人口を超える件数は 400）' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreatePopulationFigureDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('population-figures', 'edit')
  @ApiOperation({ summary: '人口とカード交付の集計の更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdatePopulationFigureDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('population-figures', 'delete')
  @ApiOperation({ summary: '人口とカード交付の集計の削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
