import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit/audit.service';
import { Db } from './db/db.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ListReader } from './list/list-reader';
import { MyKeyHasher } from './mykey/mykey-hasher';

// Shared plumbing every feature uses.
@Global()
@Module({
  providers: [Db, ListReader, IdempotencyService, MyKeyHasher, AuditService],
  exports: [Db, ListReader, IdempotencyService, MyKeyHasher, AuditService],
})
export class CommonModule {}
