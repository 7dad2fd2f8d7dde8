import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../common/auth/permission.decorator';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { ListQuery } from '../common/list/list-query';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { AuditLogsRepository, auditLogsListSpec as spec } from './audit-logs.repository';

// Read-only, and append-only in the database (a trigger refuses UPDATE/DELETE/TRUNCATE). Rows are
// written through AuditService (common/audit): by the write interceptor for every write,
// the My Number guard, and the services that log their own events (auth, users,
// exports, imports, reports). No rules to hold, so no service: the handlers read the
// repository.
@ApiTags('audit-logs')
@Controller('audit-logs')
export class AuditLogsController {
  constructor(private readonly repo: AuditLogsRepository) {}

  @Get()
  @Permission('audit-logs', 'list')
  @ApiOperation({ summary: '監査ログの一覧' })
  @ApiListQuery(spec)
  @ApiRecordList(spec)
  list(@ListQueryParam(spec) q: ListQuery) {
    return this.repo.list(q);
  }

  @Get(':id')
  @Permission('audit-logs', 'show')
  @ApiOperation({ summary: '監査ログの詳細' })
  @ApiRecord(spec)
  get(@IdParam() id: number) {
    return this.repo.getOrFail(id);
  }
}
