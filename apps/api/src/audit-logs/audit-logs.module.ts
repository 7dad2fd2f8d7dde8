import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogEntity } from './audit-log.entity';
import { AuditLogsController } from './audit-logs.controller';

// Reading the log. Writing it is plumbing: AuditService in common/audit.
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity])],
  controllers: [AuditLogsController],
})
export class AuditLogsModule {}
