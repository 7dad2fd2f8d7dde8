import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesRepository } from './municipalities.repository';
import { MunicipalitiesService } from './municipalities.service';

@Module({
  imports: [UsersModule],
  controllers: [MunicipalitiesController],
  providers: [MunicipalitiesService, MunicipalitiesRepository],
  exports: [MunicipalitiesService],
})
export class MunicipalitiesModule {}
