import { Body, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { PERMISSIONS, ROLE } from '@mynapoint/domain';
import { AllowInTotpSetup, Authenticated, AuthUser, CurrentUser, Permission, Public } from '../common/auth/permission.decorator';
import { INSTALLATION } from '../common/db/tenant';
import { IdParam } from '../common/list/list-query.decorator';
import { OwnTransaction } from '../common/http/write.interceptor';
import { AuthService, Client } from './auth.service';
import {
  AuthUserDto,
  LoginDto,
  LoginResponseDto,
  LoginTotpDto,
  RecoveryCodesResponseDto,
  SessionDto,
  TotpCodeDto,
  TotpSetupResponseDto,
  TotpStatusDto,
} from './dto/login.dto';

type Req_ = { ip?: string; headers: Record<string, string | string[] | undefined> };

function client(req: Req_): Client {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, device: Array.isArray(ua) ? ua[0] : ua };
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @ApiOperation({ summary: 'ログイン（accessToken を発行。二要素認証が有効なら mfaToken を返す）' })
  @OwnTransaction()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'ユーザー名またはパスワードが正しくありません（失敗の理由によらず同じ）' })
  @ApiTooManyRequestsResponse({ description: '同じアドレスからの失敗が続いた（Retry-After の秒数だけ待つ）' })
  login(@Body() dto: LoginDto, @Req() req: Req_) {
    return this.auth.login(dto.username, dto.password, client(req), dto.municipalityCode);
  }

  @Post('login/totp')
  @Public()
  @ApiOperation({ summary: 'ログインの2段階目：確認コード（または復旧コード）で accessToken を発行' })
  @OwnTransaction()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: '確認コードが正しくない（ロックの回数に数える）、または mfaToken の期限切れ' })
  @ApiTooManyRequestsResponse({ description: '同じアドレスからの失敗が続いた' })
  loginTotp(@Body() dto: LoginTotpDto, @Req() req: Req_) {
    return this.auth.loginWithCode(dto.mfaToken, dto.code, client(req));
  }

  @Post('logout')
  @Authenticated()
  @AllowInTotpSetup()
  @ApiOperation({ summary: 'ログアウト（トークンを失効）' })
  @OwnTransaction()
  @HttpCode(200)
  async logout(@CurrentUser() user: AuthUser, @Req() req: { ip?: string }) {
    await this.auth.logout(user, req.ip);
    return { ok: true };
  }

  @Get('me')
  @Authenticated()
  @AllowInTotpSetup()
  @ApiOperation({ summary: 'ログイン中のユーザーと権限表' })
  @ApiOkResponse({ type: AuthUserDto })
  async me(@CurrentUser() user: AuthUser) {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      roleLabel: ROLE.label(user.role),
      ...(user.municipalityCode === INSTALLATION ? {} : { municipalityCode: user.municipalityCode }),
      ...(user.prefectureCode ? { prefectureCode: user.prefectureCode } : {}),
      totpEnabled: await this.auth.totpEnabled(user.id),
      ...(user.sessionPurpose === 'totp_setup' ? { totpSetupRequired: true } : {}),
      // The same table the server enforces, for clients that cannot import it.
      permissions: Object.fromEntries(Object.entries(PERMISSIONS).map(([resource, grants]) => [resource, grants[user.role]])),
    };
  }

  // --- the signed-in user's second factor ---

  @Get('totp')
  @Authenticated()
  @AllowInTotpSetup()
  @ApiOperation({ summary: '自分の二要素認証の状態' })
  @ApiOkResponse({ type: TotpStatusDto })
  totpStatus(@CurrentUser() user: AuthUser) {
    return this.auth.totpStatus(user);
  }

  @Post('totp/setup')
  @Authenticated()
  @AllowInTotpSetup()
  @HttpCode(200)
  @ApiOperation({ summary: '二要素認証の設定を始める（秘密鍵と QR コード。確認するまで有効にならない）' })
  @ApiOkResponse({ type: TotpSetupResponseDto })
  totpSetup(@CurrentUser() user: AuthUser) {
    return this.auth.startTotpSetup(user);
  }

  @Post('totp/confirm')
  @Authenticated()
  @AllowInTotpSetup()
  @HttpCode(200)
  @ApiOperation({ summary: '確認コードで二要素認証を有効にする（復旧コード10個を一度だけ返す）' })
  @ApiOkResponse({ type: RecoveryCodesResponseDto })
  @ApiConflictResponse({ description: '設定を始めていない' })
  totpConfirm(@CurrentUser() user: AuthUser, @Body() dto: TotpCodeDto, @Req() req: { ip?: string }) {
    return this.auth.confirmTotp(user, dto.code, req.ip);
  }

  @Post('totp/recovery-codes')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: '復旧コードを作り直す（現在の確認コードが必要。古いコードは使えなくなる）' })
  @ApiOkResponse({ type: RecoveryCodesResponseDto })
  @ApiConflictResponse({ description: '二要素認証が有効でない' })
  recoveryCodes(@CurrentUser() user: AuthUser, @Body() dto: TotpCodeDto, @Req() req: { ip?: string }) {
    return this.auth.renewRecoveryCodes(user, dto.code, req.ip);
  }

  // --- the signed-in user's sessions ---

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: '自分の有効なセッション（端末・IP アドレス・最終利用）' })
  @ApiOkResponse({ type: [SessionDto] })
  sessions(@CurrentUser() user: AuthUser) {
    return this.auth.sessions(user.id, user.sessionId);
  }

  @Delete('sessions/:id')
  @Authenticated()
  @ApiOperation({ summary: '自分のセッションを終了する' })
  @ApiOkResponse({ description: '{ ok: true }' })
  async endSession(@CurrentUser() user: AuthUser, @IdParam() id: number, @Req() req: { ip?: string }) {
    await this.auth.endSession(user.id, id, user, req.ip);
    return { ok: true, id };
  }
}
