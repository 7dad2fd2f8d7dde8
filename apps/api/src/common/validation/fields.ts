import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsPositive,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import { DomainEnum, isIsoDate } from '@mynapoint/domain';

// One decorator per kind of field: validation with Japanese messages and the
// OpenAPI description come from the same place, so DTOs stay one line a field.

export const REQUIRED = '必須項目です。';

interface Common {
  optional?: boolean;
  nullable?: boolean;
  description?: string;
  example?: unknown;
}

function presence(opts: Common): PropertyDecorator[] {
  if (opts.optional) return [IsOptional()];
  if (opts.nullable) return [ValidateIf((_o, v) => v !== null), IsDefined({ message: REQUIRED })];
  return [IsDefined({ message: REQUIRED })];
}

function api(opts: Common, extra: Record<string, unknown>): PropertyDecorator {
  return ApiProperty({
    required: !opts.optional,
    nullable: opts.nullable || undefined,
    description: opts.description,
    example: opts.example,
    ...extra,
  });
}

export function TextField(opts: Common & { max: number; min?: number; pattern?: RegExp; patternMessage?: string }) {
  return applyDecorators(
    api(opts, { type: String, maxLength: opts.max, minLength: opts.min }),
    ...presence(opts),
    IsString({ message: '文字列で入力してください。' }),
    MaxLength(opts.max, { message: `${opts.max}文字以内で入力してください。` }),
    ...(opts.min ? [MinLength(opts.min, { message: `${opts.min}文字以上で入力してください。` })] : []),
    ...(opts.pattern ? [Matches(opts.pattern, { message: opts.patternMessage ?? '形式が正しくありません。' })] : []),
  );
}

/** A municipality's local government code (全国地方公共団体コード): 6 digits. */
export function MunicipalityCodeField(opts: Common = {}) {
  return TextField({ max: 6, pattern: /^\d{6}$/, patternMessage: '団体コードは6桁の数字で入力してください（例: 152234）。', example: '152234', ...opts });
}

export function IntField(opts: Common & { min?: number; max?: number }) {
  const min = opts.min ?? 0;
  const max = opts.max ?? 2_147_483_647;
  return applyDecorators(
    api(opts, { type: 'integer', minimum: min, maximum: max }),
    ...presence(opts),
    IsInt({ message: '整数で入力してください。' }),
    Min(min, { message: `${min}以上で入力してください。` }),
    Max(max, { message: `${max}以下で入力してください。` }),
  );
}

// class-validator's `maxDecimalPlaces` reads the decimals from `String(value)` and throws
// on exponent notation (7e-323: a 500 the fuzzer found): the number itself is compared
// with its rounding instead.
function HasAtMostDecimals(decimals: number, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'hasAtMostDecimals',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message },
      validator: { validate: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Number(v.toFixed(decimals)) === v },
    });
}

/** A percentage from 0 (or above 0, `positive`) to 100, with at most `decimals` decimals (53.9). */
export function PercentField(opts: Common & { decimals: number; positive?: boolean }) {
  const message = `${opts.positive ? '0より大きく' : '0以上'}100以下の数（小数第${opts.decimals}位まで）で入力してください。`;
  return applyDecorators(
    api(opts, { type: 'number', minimum: 0, exclusiveMinimum: opts.positive || undefined, maximum: 100, multipleOf: 1 / 10 ** opts.decimals }),
    ...presence(opts),
    HasAtMostDecimals(opts.decimals, message),
    opts.positive ? IsPositive({ message }) : Min(0, { message }),
    Max(100, { message }),
  );
}

export function BoolField(opts: Common = {}) {
  return applyDecorators(
    api(opts, { type: Boolean }),
    ...presence(opts),
    IsBoolean({ message: 'はい／いいえ（true / false）で指定してください。' }),
  );
}

export function EnumField<V extends string>(e: DomainEnum<V>, opts: Common = {}) {
  return applyDecorators(
    api(opts, { enum: e.values }),
    ...presence(opts),
    IsIn(e.values as V[], { message: `次のいずれかを指定してください: ${e.values.join(', ')}` }),
  );
}

export function EnumArrayField<V extends string>(e: DomainEnum<V>, opts: Common & { minSize?: number } = {}) {
  return applyDecorators(
    api(opts, { type: 'array', items: { enum: e.values }, minItems: opts.minSize }),
    ...presence(opts),
    IsArray({ message: '配列で指定してください。' }),
    ArrayUnique({ message: '同じ値が重複しています。' }),
    ...(opts.minSize ? [ArrayMinSize(opts.minSize, { message: `${opts.minSize}つ以上選んでください。` })] : []),
    IsIn(e.values as V[], { each: true, message: `次のいずれかを指定してください: ${e.values.join(', ')}` }),
  );
}

/** A list of short free texts (e.g. a municipality's districts): no blanks, no duplicates. */
export function TextArrayField(opts: Common & { maxItems: number; maxLength: number }) {
  return applyDecorators(
    api(opts, { type: 'array', items: { type: 'string', minLength: 1, maxLength: opts.maxLength }, maxItems: opts.maxItems }),
    ...presence(opts),
    IsArray({ message: '配列で指定してください。' }),
    ArrayMaxSize(opts.maxItems, { message: `${opts.maxItems}件以内にしてください。` }),
    ArrayUnique({ message: '同じ値が重複しています。' }),
    IsString({ each: true, message: '文字列で指定してください。' }),
    Matches(/\S/, { each: true, message: '空の値は指定できません。' }),
    MaxLength(opts.maxLength, { each: true, message: `それぞれ${opts.maxLength}文字以内で入力してください。` }),
  );
}

/** A JSON object of name → whole number (e.g. residents per district). */
export function IntMapField(opts: Common & { maxEntries: number; maxKeyLength: number; min: number; max: number }) {
  const fits = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length <= opts.maxEntries &&
    Object.entries(v).every(([k, n]) => k.trim().length > 0 && k.length <= opts.maxKeyLength && Number.isInteger(n) && (n as number) >= opts.min && (n as number) <= opts.max);
  return applyDecorators(
    api(opts, { type: 'object', additionalProperties: { type: 'integer', minimum: opts.min, maximum: opts.max }, maxProperties: opts.maxEntries }),
    ...presence(opts),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isIntMap',
        target: target.constructor,
        propertyName: propertyName as string,
        options: {
          message: `{"名前": 整数, …} の形で指定してください（${opts.maxEntries}件以内、名前は${opts.maxKeyLength}文字以内、値は${opts.min}〜${opts.max}）。`,
        },
        validator: { validate: fits },
      }),
  );
}

function IsIsoDateValue(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '日付は YYYY-MM-DD の形式で入力してください。' },
      validator: { validate: (v: unknown) => isIsoDate(v) },
    });
}

// An instant must carry its offset (Z or ±hh:mm): a bare local time is ambiguous.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
export function isInstant(v: unknown): v is string {
  return typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)) && isIsoDate(v.slice(0, 10));
}
function IsInstantValue(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '日時は ISO 8601 形式（例: 2020-09-01T10:00:00+09:00）で入力してください。' },
      validator: { validate: (v: unknown) => isInstant(v) },
    });
}

export function DateField(opts: Common = {}) {
  return applyDecorators(api(opts, { type: String, format: 'date', example: opts.example ?? '2020-09-01' }), ...presence(opts), IsIsoDateValue());
}

export function InstantField(opts: Common = {}) {
  return applyDecorators(
    api(opts, { type: String, format: 'date-time', example: opts.example ?? '2020-09-01T10:00:00+09:00' }),
    ...presence(opts),
    IsInstantValue(),
  );
}

/** Accepted on PUT because react-admin sends the whole record, and ignored. */
export function ReadOnlyField() {
  return applyDecorators(Allow(), IsOptional(), ApiProperty({ required: false, readOnly: true, description: '読み取り専用（送られても無視されます）' }));
}

/** Multipart fields arrive as strings: turn digits into a number before validation. */
export function ToInt() {
  return Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value));
}
