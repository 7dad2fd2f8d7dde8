import { PartialType } from '@nestjs/swagger';
import { ROLE, Role } from '@mynapoint/domain';
import { BoolField, EnumField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateUserDto {
  @TextField({ max: 60, min: 2, pattern: /^[A-Za-z0-9._-]+$/, patternMessage: 'ユーザー名は半角英数字と . _ - で入力してください。' })
  username: string;

  @TextField({ max: 60, min: 1 })
  displayName: string;

  @EnumField(ROLE, { description: '市区町村の管理者は admin・policy・counter・manager を、運用事業者は operator・prefecture を登録できます' })
  role: Role;

  @TextField({ max: 2, optional: true, nullable: true, pattern: /^(0[1-9]|[1-3][0-9]|4[0-7])$/, patternMessage: '都道府県コードは2桁（01〜47）で入力してください。', description: '都道府県の利用者（role: prefecture）の都道府県コード。ほかの役割では空', example: '15' })
  prefectureCode?: string | null;

  @BoolField({ optional: true })
  active?: boolean;

  // The length bounds here; the rest of the policy (bytes, username, known passwords) in password-policy.ts.
  @TextField({ max: 72, min: 12, description: '12文字以上・72バイト以内。ユーザー名を含まないこと。書き込み専用' })
  password: string;
}

export class UpdateUserDto extends PartialType(CreateUserDto) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() lastLoginAt?: unknown;
  @ReadOnlyField() locked?: unknown;
  @ReadOnlyField() lockedUntil?: unknown;
  @ReadOnlyField() failedLogins?: unknown;
  @ReadOnlyField() authSource?: unknown;
  @ReadOnlyField() totpEnabled?: unknown;
}
