import { ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonError, CommonException, FieldErrors } from '../errors/domain.exception';

const UNKNOWN_FIELD = 'この項目は指定できません（不明な項目です）。';

function flatten(errors: ValidationError[], prefix = '', out: FieldErrors = {}): FieldErrors {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const [key, message] = Object.entries(e.constraints)[0];
      out[path] = key === 'whitelistValidation' ? UNKNOWN_FIELD : message;
    }
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

// Validate at the edge: unknown fields are refused (400), types are not coerced, and
// the errors come back keyed by field so react-admin shows them next to the inputs.
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      const fields = Object.keys(fieldErrors);
      return new CommonException(
        CommonError.ValidationFailed,
        fields.length ? `入力内容に誤りがあります（${fields.join('、')}）。` : '入力内容に誤りがあります。',
        fieldErrors,
      );
    },
  });
}
