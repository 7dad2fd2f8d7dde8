import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { participantsListSpec as spec } from './participants.repository';
import { ParticipantHistoryEntryDto } from './participant-history.dto';
import { ParticipantsService } from './participants.service';

// Read-only: participants come into being with their reservation.
@ApiTags('participants')
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly service: ParticipantsService) {}

  @Get()
  @Permission('participants', 'list')
  @ApiOperation({ summary: '参加者の一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.service.list(q);
  }

  @Get(':id')
  @Permission('participants', 'show')
  @ApiOperation({ summary: '参加者の詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.service.get(id);
  }

  @Get(':id/history')
  @Permission('participants', 'show')
  @ApiOperation({ summary: '参加者の経過（古い順）: 予約、申し込み、再申込（削除後）、申し込みの削除（誰が・いつ・理由）' })
  @ApiOkResponse({ type: ParticipantHistoryEntryDto, isArray: true })
  history(@IdParam() id: number) {
    return this.service.history(id);
  }
}
