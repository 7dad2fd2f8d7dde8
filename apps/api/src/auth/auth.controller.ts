import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { PERMISSIONS, ROLE } from '@mynapoint/domain';
import { Authenticated, AuthUser, CurrentUser, Public } from '../common/auth/permission.decorator';
import { INSTALLATION } from '../common/db/tenant';
import { OwnTransaction } from '../common/http/write.interceptor';
import { AuthService } from './auth.service';
import { AuthUserDto, LoginDto, LoginResponseDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @ApiOperation({ summary: 'ログイン（accessToken を発行）' })
  @OwnTransaction()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'ユーザー名またはパスワードが正しくありません' })
  @ApiTooManyRequestsResponse({ description: '同じアドレスからの失敗が続いた（Retry-After の秒数だけ待つ）' })
  login(@Body() dto: LoginDto, @Req() req: { ip?: string }) {
    return this.auth.login(dto.username, dto.password, req.ip, dto.municipalityCode);
  }

  @Post('logout')
  @Authenticated()
  @ApiOperation({ summary: 'ログアウト（トークンを失効）' })
  @OwnTransaction()
  @HttpCode(200)
  async logout(@CurrentUser() user: AuthUser, @Req() req: { ip?: string }) {
    await this.auth.logout(user, req.ip);
    return { ok: true };
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'ログイン中のユーザーと権限表' })
  @ApiOkResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser) {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      roleLabel: ROLE.label(user.role),
      ...(user.municipalityCode === INSTALLATION ? {} : { municipalityCode: user.municipalityCode }),
      ...(user.prefectureCode ? { prefectureCode: user.prefectureCode } : {}),
      // The same table the server enforces, for clients that cannot import it.
      permissions: Object.fromEntries(Object.entries(PERMISSIONS).map(([resource, grants]) => [resource, grants[user.role]])),
    };
  }
}
