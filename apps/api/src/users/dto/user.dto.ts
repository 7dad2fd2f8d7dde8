import { PartialType } from '@nestjs/swagger';
import { ROLE, Role } from '@mynapoint/domain';
import { BoolField, EnumField, ReadOnlyField, TextField } from '../../common/validation/fields';

export class CreateUserDto {
  @TextField({ max: 60, min: 2, pattern: /^[A-Za-z0-9._-]+$/, patternMessage: 'ユーザー名は半角英数字と . _ - で入力してください。' })
  username: string;

  @TextField({ max: 60, min: 1 })
  displayName: string;

  @EnumField(ROLE)
  role: Role;

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
