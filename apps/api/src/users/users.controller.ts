import { Body, Controller, Delete, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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

  @Delete(':id')
  @Permission('users', 'delete')
  @ApiOperation({ summary: 'ユーザーの削除' })
  @ApiRecord(usersListSpec)
  remove(@IdParam() id: number, @CurrentUser() actor: AuthUser) {
    return this.users.remove(id, actor);
  }
}
