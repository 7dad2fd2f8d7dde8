import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskStorage } from 'multer';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ImportQueue } from './import-queue';
import { ImportRunner } from './import-runner';
import { ImportsController } from './imports.controller';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

// Uploads go to a temporary file (never into memory) and are deleted once the job ends.
export const UPLOAD_DIR = join(tmpdir(), 'mynapoint-imports');

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        mkdirSync(UPLOAD_DIR, { recursive: true, mode: 0o700 });
        return {
          storage: diskStorage({ destination: UPLOAD_DIR }),
          limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 },
          // Japanese file names arrive as UTF-8.
          defParamCharset: 'utf8',
        };
      },
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository, ImportRunner, ImportQueue],
  exports: [ImportsService, ImportQueue],
})
export class ImportsModule {}
