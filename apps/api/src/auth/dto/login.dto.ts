import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MunicipalityCodeField, TextField } from '../../common/validation/fields';
import { ROLE, Role } from '@mynapoint/domain';
export { SessionDto } from '../../common/auth/session.dto';

export class LoginDto {
  @TextField({ max: 60, example: 'policy' })
  username: string;

  @TextField({ max: 200, example: 'mynapoint-demo' })
  password: string;

  /** Omitted: the installation's default municipality (or an operator/prefecture account). */
  @MunicipalityCodeField({ optional: true, example: '152064' })
  municipalityCode?: string;
}

export class LoginTotpDto {
  @TextField({ max: 120, description: 'POST /api/auth/login が返した mfaToken' })
  mfaToken: string;

  @TextField({ max: 40, description: '認証アプリの6桁の数字、または復旧コード（abcde-fghjk）', example: '123456' })
  code: string;
}

export class TotpCodeDto {
  @TextField({ max: 40, description: '認証アプリの6桁の数字', example: '123456' })
  code: string;
}

export class AuthUserDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLE.values }) role: Role;
  @ApiPropertyOptional({ description: '所属する市区町村の団体コード（運用事業者・都道府県の利用者にはない）', example: '152234' }) municipalityCode?: string;
  @ApiPropertyOptional({ description: '都道府県の利用者の都道府県コード（2桁）', example: '15' }) prefectureCode?: string;
  @ApiPropertyOptional({ description: '二要素認証が有効か' }) totpEnabled?: boolean;
  @ApiPropertyOptional({ description: 'true のとき、二要素認証の設定しかできない（市区町村が必須にしている役割）' }) totpSetupRequired?: boolean;
}

export class LoginResponseDto {
  @ApiPropertyOptional({ description: '二要素認証が有効な利用者では返らない（mfaRequired を返す）' }) accessToken?: string;
  @ApiPropertyOptional({ type: AuthUserDto }) user?: AuthUserDto;
  @ApiProperty({ description: 'トークン（または mfaToken）の有効期限' }) expiresAt: string;
  @ApiPropertyOptional({ description: 'true: パスワードは正しい。mfaToken と確認コードで POST /api/auth/login/totp へ' }) mfaRequired?: boolean;
  @ApiPropertyOptional({ description: '確認コードの入力に使うトークン（5分間有効）' }) mfaToken?: string;
  @ApiPropertyOptional({ description: 'true: 市区町村が二要素認証を必須にしている。設定するまで他の操作はできない' }) totpSetupRequired?: boolean;
}

export class TotpSetupResponseDto {
  @ApiProperty({ description: 'Base32 の秘密鍵（QR コードを読めないときに手入力する）' }) secret: string;
  @ApiProperty({ example: 'otpauth://totp/...' }) otpauthUrl: string;
  @ApiProperty({ description: 'otpauthUrl の QR コード（PNG の data URL、サーバー内で生成）' }) qrDataUrl: string;
}

export class RecoveryCodesResponseDto {
  @ApiPropertyOptional() enabled?: boolean;
  @ApiProperty({ type: [String], description: '10個の復旧コード。表示はこの一度だけ' }) recoveryCodes: string[];
}

export class TotpStatusDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: String }) enabledAt: string | null;
  @ApiProperty() recoveryCodesLeft: number;
  @ApiProperty({ description: '市区町村がこの役割に二要素認証を必須にしているか' }) required: boolean;
}

