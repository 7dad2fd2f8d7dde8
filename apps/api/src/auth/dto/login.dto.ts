import { ApiProperty } from '@nestjs/swagger';
import { TextField } from '../../common/validation/fields';
import { ROLE, Role } from '@mynapoint/domain';

export class LoginDto {
  @TextField({ max: 60, example: 'policy' })
  username: string;

  @TextField({ max: 200, example: 'mynapoint-demo' })
  password: string;
}

export class AuthUserDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLE.values }) role: Role;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: AuthUserDto }) user: AuthUserDto;
  @ApiProperty({ description: 'トークンの有効期限' }) expiresAt: string;
}
