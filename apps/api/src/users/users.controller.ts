import { Body, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionDto } from '../common/auth/session.dto';
import { AuthUser, CurrentUser, Permission } from '../common/auth/permission.decorator';
import { ApiListQuery, IdParam, ListQueryParam } from '../common/list/list-query.decorator';
import { ListQuery } from '../common/list/list-query';
import { ApiRecord, ApiRecordList } from '../common/list/list-openapi';
import { OwnTransaction } from '../common/http/write.interceptor';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { usersListSpec } from './users.repository';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Permission('users', 'list')
  @ApiOperation({ summary: 'ユーザーの一覧' })
  @ApiListQuery(usersListSpec)
  @ApiRecordList(usersListSpec)
  list(@ListQueryParam(usersListSpec) q: ListQuery) {
    return this.users.list(q);
  }

  @Get(':id')
  @Permission('users', 'show')
  @ApiOperation({ summary: 'ユーザーの詳細' })
  @ApiRecord(usersListSpec)
  get(@IdParam() id: number) {
    return this.users.get(id);
  }

  @Post()
  @Permission('users', 'create')
  @ApiOperation({ summary: 'ユーザーの登録' })
  @ApiRecord(usersListSpec, 201)
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Put(':id')
  @Permission('users', 'edit')
  @ApiOperation({ summary: 'ユーザーの更新' })
  @ApiRecord(usersListSpec)
  update(@IdParam() id: number, @Body() dto: UpdateUserDto, @CurrentUser() actor: AuthUser) {
    return this.users.update(id, dto, actor);
  }

  // Own transaction: the audit row is 'unlock', not the generic 'update'.
  @Post(':id/unlock')
  @Permission('users', 'edit')
  @ApiOperation({ summary: 'ユーザーのロック解除（ログイン失敗の回数をリセット）' })
  @OwnTransaction()
  @HttpCode(200)
  @ApiRecord(usersListSpec)
  unlock(@IdParam() id: number, @CurrentUser() actor: AuthUser, @Req() req: { ip?: string }) {
    return this.users.unlock(id, actor, req.ip);
  }

  @Get(':id/sessions')
  @Permission('users', 'show')
  @ApiOperation({ summary: 'ユーザーの有効なセッション（端末・IP アドレス・最終利用）' })
  @ApiOkResponse({ type: [SessionDto] })
  sessions(@IdParam() id: number) {
    return this.users.sessions(id);
  }

  // Own transaction: the audit row is 'session_ended', not the generic 'update'.
  @Delete(':id/sessions/:sessionId')
  @Permission('users', 'edit')
  @ApiOperation({ summary: 'ユーザーのセッションを終了する' })
  @OwnTransaction()
  endSession(@IdParam() id: number, @IdParam('sessionId') sessionId: number, @CurrentUser() actor: AuthUser, @Req() req: { ip?: string }) {
    return this.users.endSessions(id, sessionId, actor, req.ip);
  }

  @Delete(':id/sessions')
  @Permission('users', 'edit')
  @ApiOperation({ summary: 'ユーザーのセッションをすべて終了する' })
  @OwnTransaction()
  endAllSessions(@IdParam() id: number, @CurrentUser() actor: AuthUser, @Req() req: { ip?: string }) {
    return this.users.endSessions(id, null, actor, req.ip);
  }

  // Own transaction: the audit row is 'totp_reset'.
  @Post(':id/totp-reset')
  @Permission('users', 'edit')
  @ApiOperation({ summary: '二要素認証をリセットする（端末の紛失など。セッションも終了し、次のログインで設定し直す）' })
  @OwnTransaction()
  @HttpCode(200)
  @ApiRecord(usersListSpec)
  resetTotp(@IdParam() id: number, @CurrentUser() actor: AuthUser, @Req() req: { ip?: string }) {
    return this.users.resetTotp(id, actor, req.ip);
  }

  @Delete(':id')
  @Permission('users', 'delete')
  @ApiOperation({ summary: 'ユーザーの削除' })
  @ApiRecord(usersListSpec)
  remove(@IdParam() id: number, @CurrentUser() actor: AuthUser) {
    return this.users.remove(id, actor);
  }
}
