import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, registerDecorator } from 'class-validator';
import { MYKEY_ID_FORMAT_MESSAGE, normalizeMyKeyId } from '@mynapoint/domain';
import { REQUIRED } from '../validation/fields';

function IsMyKeyId(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMyKeyId',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: MYKEY_ID_FORMAT_MESSAGE },
      validator: { validate: (v: unknown) => typeof v === 'string' && normalizeMyKeyId(v) !== null },
    });
}

/** A MyKey ID on input: 8 alphanumerics, any case (full-width accepted). Write-only. */
export function MyKeyIdField(opts: { optional?: boolean } = {}) {
  return applyDecorators(
    ApiProperty({
      required: !opts.optional,
      writeOnly: true,
      type: String,
      example: 'AB12CD7Q',
      description: 'マイキーID（英数字8文字、大文字・小文字の区別なし）。書き込み専用: 保存されるのは鍵付きハッシュと下4桁だけです',
    }),
    opts.optional ? IsOptional() : IsDefined({ message: REQUIRED }),
    IsString({ message: '文字列で入力してください。' }),
    IsMyKeyId(),
  );
}
