import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MunicipalityCodeField, TextField } from '../../common/validation/fields';
import { ROLE, Role } from '@mynapoint/domain';

export class LoginDto {
  @TextField({ max: 60, example: 'policy' })
  username: string;

  @TextField({ max: 200, example: 'mynapoint-demo' })
  password: string;

  /** Omitted: the installation's default municipality (or an operator/prefecture account). */
  @MunicipalityCodeField({ optional: true, example: '152064' })
  municipalityCode?: string;
}

export class AuthUserDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLE.values }) role: Role;
  @ApiPropertyOptional({ description: '所属する市区町村の団体コード（運用事業者・都道府県の利用者にはない）', example: '152234' }) municipalityCode?: string;
  @ApiPropertyOptional({ description: '都道府県の利用者の都道府県コード（2桁）', example: '15' }) prefectureCode?: string;
}

export class LoginResponseDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: AuthUserDto }) user: AuthUserDto;
  @ApiProperty({ description: 'トークンの有効期限' }) expiresAt: string;
}
