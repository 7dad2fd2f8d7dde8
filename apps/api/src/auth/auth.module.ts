import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { SessionCache } from './session-cache';
import { AUTH_CLOCK, systemClock } from './totp';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, AuthRepository, SessionCache, { provide: AUTH_CLOCK, useFactory: systemClock }, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
