import { Module } from '@nestjs/common';
import { MunicipalityDataController } from './municipality-data.controller';
import { MunicipalityDataRepository } from './municipality-data.repository';
import { MunicipalityDataService } from './municipality-data.service';

@Module({
  controllers: [MunicipalityDataController],
  providers: [MunicipalityDataService, MunicipalityDataRepository],
  exports: [MunicipalityDataService],
})
export class MunicipalityDataModule {}
