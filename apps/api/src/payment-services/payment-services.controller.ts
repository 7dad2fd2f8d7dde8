import { Body, Controller, Delete, Get, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { CreatePaymentServiceDto, UpdatePaymentServiceDto } from './dto/payment-service.dto';
import { paymentServicesListSpec as spec } from './payment-services.repository';
import { PaymentServicesService } from './payment-services.service';

@ApiTags('payment-services')
@Controller('payment-services')
export class PaymentServicesController {
  constructor(private readonly service: PaymentServicesService) {}

  @Get()
  @Permission('payment-services', 'list')
  @ApiOperation({ summary: '決済サービスの一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('payment-services', 'show')
  @ApiOperation({ summary: '決済サービスの詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Post()
  @Permission('payment-services', 'create')
  @ApiOperation({ summary: '決済サービスの登録' })
  @ApiRecord(spec, 201)
  create(@Body() dto: CreatePaymentServiceDto) {
    return this.service.create(dto);
  }

  @Put(':id')
  @Permission('payment-services', 'edit')
  @ApiOperation({ summary: '決済サービスの更新' })
  @ApiRecord(spec)
  update(@IdParam() id: number, @Body() dto: UpdatePaymentServiceDto) {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @Permission('payment-services', 'delete')
  @ApiOperation({ summary: '決済サービスの削除' })
  @ApiRecord(spec)
  remove(@IdParam() id: number) {
    return this.service.remove(id);
  }
}
