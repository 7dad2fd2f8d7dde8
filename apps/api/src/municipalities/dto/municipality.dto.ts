import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested, registerDecorator } from 'class-validator';
import { MUNICIPALITY_ROLES, ROLE, isIsoDate, type Role } from '@mynapoint/domain';
import { BoolField, EnumArrayField, IntField, IntMapField, MunicipalityCodeField, ReadOnlyField, TextArrayField, TextField } from '../../common/validation/fields';

// Only the four municipality roles: operator and prefecture accounts belong to no municipality.
const MUNICIPALITY_ROLE = { ...ROLE, values: [...MUNICIPALITY_ROLES] as Role[] };

// The first admin's account: the users feature's rules apply (username, password policy).
export class MunicipalityAdminDto {
  @TextField({ max: 60, min: 2, pattern: /^[A-Za-z0-9._-]+$/, patternMessage: 'ユーザー名は半角英数字と . _ - で入力してください。', example: 'admin' })
  username: string;

  @TextField({ max: 60, min: 1, example: 'システム管理者' })
  displayName: string;

  @TextField({ max: 72, min: 12, description: '12文字以上・72バイト以内。ユーザー名を含まないこと。書き込み専用' })
  password: string;
}

export class CreateMunicipalityDto {
  @MunicipalityCodeField({ description: '全国地方公共団体コード（6桁、検査数字を含む）。登録後は変更できません', example: '152064' })
  code: string;

  @TextField({ max: 40, min: 1, example: '新発田市' })
  name: string;

  @TextArrayField({ optional: true, maxItems: 100, maxLength: 40, description: '入力欄で候補に出す地区', example: ['新発田', '豊浦', '紫雲寺', '加治川'] })
  districts?: string[];

  @IntMapField({ optional: true, maxEntries: 100, maxKeyLength: 40, min: 1, max: 100_000_000, description: '地区ごとの人口（地区の一覧にある地区だけ）', example: { 新発田: 70000 } })
  districtPopulation?: Record<string, number>;

  @TextField({ max: 30, optional: true, nullable: true, pattern: /^[0-9０-９+()（）\-‐－ ]*$/, patternMessage: '電話番号は数字とハイフンで入力してください。', example: '0254-22-3101' })
  contactPhone?: string | null;

  @TextField({ max: 254, optional: true, nullable: true, pattern: /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, patternMessage: 'メールアドレスの形式が正しくありません。', example: 'mynapoint@city.example.jp' })
  contactEmail?: string | null;

  @BoolField({ optional: true, description: '利用中（外すとこの市区町村の職員はログインできません）。既定: true' })
  active?: boolean;

  @EnumArrayField(MUNICIPALITY_ROLE, { optional: true, description: '二要素認証を必須にする役割（次のログインから）。既定: なし' })
  totpRequiredRoles?: Role[];

  @IntField({ optional: true, min: 1, max: 3650, description: '来庁予約の氏名・電話番号を来庁日から何日後に消去するか。既定: 90' })
  appointmentRetentionDays?: number;

  @TextArrayField({ optional: true, maxItems: 366, maxLength: 10, description: '市独自の休業日（YYYY-MM-DD）。予約枠の一括作成で祝日・年末年始と同じく飛ばします', example: ['2022-11-01'] })
  @IsIsoDates()
  closedDays?: string[];

  @ApiPropertyOptional({ type: MunicipalityAdminDto, description: '最初のシステム管理者（省略可。あとから POST /api/municipalities/:id/admins でも登録できます）' })
  @IsOptional()
  @IsObject({ message: 'オブジェクトで指定してください。' })
  @ValidateNested()
  @Type(() => MunicipalityAdminDto)
  firstAdmin?: MunicipalityAdminDto;
}

// A PUT may carry the whole record (react-admin sends it back): read-only fields are ignored.
export class UpdateMunicipalityDto extends PartialType(OmitType(CreateMunicipalityDto, ['firstAdmin'] as const)) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() prefectureCode?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

/** The account created by POST /api/municipalities/:id/admins (the municipality's user). */
export class MunicipalityAdminResponseDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ['admin'] }) role: 'admin';
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

function IsIsoDates(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDates',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '日付は YYYY-MM-DD の形式で入力してください。' },
      validator: { validate: (v: unknown) => Array.isArray(v) && v.every((d) => isIsoDate(d)) },
    });
}
