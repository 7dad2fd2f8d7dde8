import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { notFound } from '../common/errors/domain.exception';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { ListReader } from '../common/list/list-reader';
import { auditLogsListSpec as spec } from './audit-logs.list-spec';

// Read-only, and append-only in the database (a trigger refuses UPDATE/DELETE/TRUNCATE). Rows are
// written through AuditService (common/audit): by the write interceptor for every write,
// the My Number guard, and the services that log their own events (auth, users,
// exports, imports, reports).
@ApiTags('audit-logs')
@Controller('audit-logs')
export class AuditLogsController {
  constructor(@Inject(ListReader) private readonly lists: ListReader) {}

  @Get()
  @Permission('audit-logs', 'list')
  @ApiOperation({ summary: '監査ログの一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.lists.list(spec, q);
  }

  @Get(':id')
  @Permission('audit-logs', 'show')
  @ApiOperation({ summary: '監査ログの詳細' })
  @ApiRecord(spec)
  async get(@IdParam() id: number) {
    const row = await this.lists.get(spec, id);
    if (!row) throw notFound('監査ログ', id);
    return row;
  }
}
