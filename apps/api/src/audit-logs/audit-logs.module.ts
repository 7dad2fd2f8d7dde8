import { Module } from '@nestjs/common';
import { AuditLogsController } from './audit-logs.controller';
import { AuditLogsRepository } from './audit-logs.repository';

// Reading the log. Writing it is plumbing: AuditService in common/audit.
@Module({
  controllers: [AuditLogsController],
  providers: [AuditLogsRepository],
})
export class AuditLogsModule {}
