import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { SettingsController } from './settings.controller';

@Module({ imports: [MunicipalitiesModule], controllers: [SettingsController] })
export class SettingsModule {}
