import { Injectable } from '@nestjs/common';
import { Db } from '../common/db/db.service';
import { GenerateSql } from '../common/db/generate-sql';

// The health check's one statement: the database answers at all.
@Injectable()
export class HealthRepository {
  constructor(private readonly db: Db) {}

  @GenerateSql()
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
